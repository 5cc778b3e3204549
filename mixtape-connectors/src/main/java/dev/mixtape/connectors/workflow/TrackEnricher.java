package dev.mixtape.connectors.workflow;

import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.MusicProvider.Capability;
import dev.mixtape.connectors.provider.RemoteArtist;
import dev.mixtape.connectors.provider.RemoteTrack;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Ids;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.Track;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

/**
 * Turns remote ids into full {@link Track}s (audio features, details, genres): used by the remote playlist workflow
 * and by {@code ./mixtape import provider}.
 */
public final class TrackEnricher {
    private static final ExecutorService THREADS = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("remote-enrich-", 0).factory());

    private final MusicProvider provider;
    private final boolean concurrent;

    /** @param concurrent false: one call after another (the naive path) */
    public TrackEnricher(MusicProvider provider, boolean concurrent) {
        this.provider = provider;
        this.concurrent = concurrent;
    }

    /**
     * Tracks with their audio features, details and primary artist's genres, fetched in parallel (batched and cached by
     * the provider); ids without features are left out.
     *
     * @param known what is already known of some tracks (e.g. from a recommendation answer)
     * @param steps what happened, appended to
     */
    public Map<String, Track> enrich(List<String> ids, Map<String, RemoteTrack> pool, List<String> steps) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        CompletableFuture<Map<String, AudioFeatures>> features = async(() -> salvage("audio features", ids, provider::audioFeatures, steps));
        CompletableFuture<Map<String, RemoteTrack>> details = provider.can(Capability.TRACKS)
                ? async(() -> salvage("track details", ids, provider::tracks, steps)) : CompletableFuture.completedFuture(Map.of());
        // the candidates' artists are known from the candidates themselves: their genres are fetched alongside
        List<String> artistIds = ids.stream().map(pool::get).filter(java.util.Objects::nonNull).map(t -> t.artists().get(0).id()).distinct().toList();
        CompletableFuture<Map<String, RemoteArtist>> artistLookup = provider.can(Capability.ARTISTS) && !artistIds.isEmpty()
                ? async(() -> salvage("artists", artistIds, provider::artists, steps)) : CompletableFuture.completedFuture(Map.of());
        Map<String, RemoteTrack> tracks = new LinkedHashMap<>(pool);
        join(details).forEach(tracks::put);
        Map<String, RemoteArtist> artists;
        try {
            artists = artistLookup.join();
        } catch (CompletionException e) {
            artists = Map.of();
            synchronized (steps) {
                steps.add("artist genres unavailable: " + e.getCause().getMessage());
            }
        }
        Map<String, AudioFeatures> f = join(features);
        Map<String, Track> out = new LinkedHashMap<>();
        for (String id : ids) {
            RemoteTrack t = tracks.get(id);
            AudioFeatures af = f.get(id);
            if (t == null || af == null) {
                continue;
            }
            Set<String> genres = new LinkedHashSet<>();
            RemoteArtist a = artists.get(t.artists().get(0).id());
            if (a != null) {
                genres.addAll(a.genres());
            }
            AlbumRef album = t.album() != null ? t.album() : new AlbumRef(Ids.derive("album", t.id()), "");
            try {
                out.put(id, new Track(t.id(), t.name(), t.artists(), album, t.durationMs() > 0 ? t.durationMs() : 210_000, t.explicit(),
                        t.popularity(), genres, af));
            } catch (InvalidRequestException e) {
                // a malformed remote track: left out
            }
        }
        synchronized (steps) {
            steps.add("enriched " + out.size() + " of " + ids.size() + " tracks (features, details, genres)");
        }
        return out;
    }

    /**
     * {@code lookup(ids)}; when some batches fail, the rest is kept: the ids that did not fail are asked again, which
     * the provider's cache answers (it kept what was found before the failure) without a remote call.
     */
    private static <V> Map<String, V> salvage(String what, List<String> ids, java.util.function.Function<List<String>, Map<String, V>> lookup,
                                              List<String> steps) {
        try {
            return lookup.apply(ids);
        } catch (dev.mixtape.connectors.http.Lookup.PartialFailure e) {
            if (e.failed().size() == ids.size()) {
                throw e.reason();
            }
            java.util.Set<String> failed = java.util.Set.copyOf(e.failed());
            synchronized (steps) {
                steps.add(what + " of " + failed.size() + " of " + ids.size() + " tracks unavailable (" + e.reason().getMessage() + "); went on without them");
            }
            return lookup.apply(ids.stream().filter(id -> !failed.contains(id)).toList());
        }
    }

    /** On a virtual thread, or (not concurrent) right here. */
    private <T> CompletableFuture<T> async(Supplier<T> call) {
        if (concurrent) {
            return CompletableFuture.supplyAsync(call, THREADS);
        }
        try {
            return CompletableFuture.completedFuture(call.get());
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The value, or the call's own exception (not wrapped). */
    static <T> T join(CompletableFuture<T> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

}
