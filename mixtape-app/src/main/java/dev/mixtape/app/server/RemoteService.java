package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.playlist.PlaylistConfig;
import dev.mixtape.connectors.http.RemoteCache;
import dev.mixtape.connectors.provider.LocalProvider;
import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.ProviderConfig;
import dev.mixtape.connectors.provider.Providers;
import dev.mixtape.connectors.workflow.RemotePlaylists;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptInterpreter;
import dev.mixtape.storage.ratelimit.RateLimiter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The configured {@link MusicProvider} and what runs over it in the server: playlists from a remote catalog
 * ({@link RemotePlaylists}) and prefetch, which warms a listener's remote data in the background (at most
 * {@value #PREFETCH_PER_MINUTE} per listener per minute). The provider is built on first use; the local one needs the
 * catalog to be loaded.
 */
public final class RemoteService {
    public static final int PREFETCH_PER_MINUTE = 5;
    private static final Logger LOG = LoggerFactory.getLogger(RemoteService.class);

    private final ProviderConfig config;
    private final EngineHolder engines;
    private final RemoteCache cache;
    private final MeterRegistry meters;
    private final RateLimiter prefetchLimiter;
    private final ExecutorService background = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("prefetch-", 0).factory());
    private final AtomicInteger prefetching = new AtomicInteger();
    private volatile MusicProvider provider;
    private volatile SpotifyTopRefresher topLists;

    public RemoteService(ProviderConfig config, EngineHolder engines, RemoteCache cache, MeterRegistry meters, RateLimiter prefetchLimiter) {
        this.config = config;
        this.engines = engines;
        this.cache = cache;
        this.meters = meters;
        this.prefetchLimiter = prefetchLimiter;
    }

    /** Whether playlists come from a remote catalog. */
    public boolean remote() {
        return !config.local();
    }

    public ProviderConfig config() {
        return config;
    }

    public synchronized MusicProvider provider() {
        if (provider == null) {
            provider = Providers.create(config, () -> {
                Engine e = engines.get();
                return new LocalProvider(e.catalog(), e.recommender(), e.related());
            }, cache, meters);
        }
        return provider;
    }

    public RemotePlaylists.Result playlist(PromptInterpreter interpreter, String prompt, Integer length, Arc arc, long seed, String userToken) {
        return new RemotePlaylists(provider(), engines.get().catalog(), interpreter, cache, PlaylistConfig.DEFAULT, true)
                .generate(prompt, length, arc, seed, userToken);
    }

    public RateLimiter.Decision prefetchAllowed(String userId) {
        return remoteCallAllowed("prefetch", userId);
    }

    /** Whether {@code userId} may start another remote job of this kind ({@value #PREFETCH_PER_MINUTE} per minute each). */
    public RateLimiter.Decision remoteCallAllowed(String kind, String userId) {
        return prefetchLimiter.tryAcquire(kind + ":" + userId);
    }

    /**
     * Starts warming {@code userId}'s remote data: the tracks of their history (details, audio features, artists), and
     * with a Spotify user token their top tracks and artists. Returns at once with what will be fetched.
     */
    public Map<String, Object> prefetch(String userId, JsonNode history, String userToken) {
        List<String> ids = new ArrayList<>();
        history.path("items").forEach(i -> ids.add(i.path("track").path("id").asText()));
        MusicProvider p = provider();
        boolean top = userToken != null && p.can(MusicProvider.Capability.USER_TOP);
        if (userToken != null && !top) {
            throw new InvalidRequestException("provider " + p.name() + " has no users' top lists: leave out X-Spotify-User-Token");
        }
        List<String> warming = new ArrayList<>();
        if (!ids.isEmpty()) {
            warming.add("history tracks (" + ids.size() + ")");
        }
        if (top) {
            warming.add("top tracks and artists");
        }
        prefetching.incrementAndGet();
        background.submit(() -> {
            long start = System.nanoTime();
            try {
                warm(p, ids, top ? userToken : null);
                LOG.atInfo().addKeyValue("user", userId).addKeyValue("tracks", ids.size())
                        .addKeyValue("ms", (System.nanoTime() - start) / 1_000_000).log("prefetch done");
            } catch (RuntimeException e) {
                LOG.atWarn().addKeyValue("user", userId).addKeyValue("error", e.getMessage()).log("prefetch failed");
            } finally {
                prefetching.decrementAndGet();
            }
        });
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("user_id", userId);
        out.put("provider", p.name());
        out.put("status", "accepted");
        out.put("warming", warming);
        return out;
    }

    private static void warm(MusicProvider p, List<String> ids, String userToken) {
        List<String> all = new ArrayList<>(ids);
        if (userToken != null) {
            p.userTopTracks(userToken, 50).forEach(t -> all.add(t.id()));
            p.userTopArtists(userToken, 50);
        }
        if (all.isEmpty()) {
            return;
        }
        if (p.can(MusicProvider.Capability.TRACKS)) {
            var tracks = p.tracks(all);
            if (p.can(MusicProvider.Capability.ARTISTS)) {
                p.artists(tracks.values().stream().map(t -> t.artists().get(0).id()).distinct().toList());
            }
        }
        if (p.can(MusicProvider.Capability.AUDIO_FEATURES)) {
            p.audioFeatures(all);
        }
    }

    /** Sets what imports listeners' Spotify top lists and keeps linked ones current. */
    public void topLists(SpotifyTopRefresher refresher) {
        this.topLists = refresher;
    }

    public SpotifyTopRefresher topLists() {
        return topLists;
    }

    /** Prefetches running now. */
    public int prefetching() {
        return prefetching.get();
    }
}
