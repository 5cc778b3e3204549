package dev.mixtape.connectors.provider;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedRecommender;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.connectors.reccobeats.RecommendationQuery;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.SearchQuery;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The embedded catalog as a provider: no network, every capability but users' own top lists. Search uses the
 * catalog's word index, recommendations the content-based {@link SeedRecommender} (feature targets as
 * {@code target_*}; negative seeds are left out of the answer), related artists {@link RelatedArtists}.
 */
public final class LocalProvider implements MusicProvider {
    private final Catalog catalog;
    private final SeedRecommender recommender;
    private final RelatedArtists related;

    public LocalProvider(Catalog catalog, SeedRecommender recommender, RelatedArtists related) {
        this.catalog = catalog;
        this.recommender = recommender;
        this.related = related;
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public Set<Capability> capabilities() {
        Set<Capability> all = EnumSet.allOf(Capability.class);
        all.remove(Capability.USER_TOP);
        return all;
    }

    @Override
    public List<RemoteTrack> searchTracks(String query, int limit) {
        return Arrays.stream(catalog.search().tracks(SearchQuery.parse(query), 0, limit).items()).mapToObj(this::track).toList();
    }

    @Override
    public List<RemoteArtist> searchArtists(String query, int limit) {
        return Arrays.stream(catalog.search().artists(SearchQuery.parse(query), 0, limit).items()).mapToObj(this::artist).toList();
    }

    @Override
    public Map<String, RemoteTrack> tracks(List<String> ids) {
        Map<String, RemoteTrack> out = new LinkedHashMap<>();
        for (String id : ids) {
            int i = catalog.indexOf(id);
            if (i >= 0) {
                out.put(id, track(i));
            }
        }
        return out;
    }

    @Override
    public Map<String, RemoteArtist> artists(List<String> ids) {
        Map<String, RemoteArtist> out = new LinkedHashMap<>();
        for (String id : ids) {
            int a = catalog.artistIndexOf(id);
            if (a >= 0) {
                out.put(id, artist(a));
            }
        }
        return out;
    }

    @Override
    public Map<String, AudioFeatures> audioFeatures(List<String> ids) {
        Map<String, AudioFeatures> out = new LinkedHashMap<>();
        for (String id : ids) {
            int i = catalog.indexOf(id);
            if (i >= 0) {
                out.put(id, catalog.features(i));
            }
        }
        return out;
    }

    @Override
    public List<RemoteTrack> artistTopTracks(String artistId) {
        int a = catalog.artistIndexOf(artistId);
        if (a < 0) {
            return List.of();
        }
        return Arrays.stream(catalog.artistTracks(a)).boxed().sorted((x, y) -> Integer.compare(catalog.popularity(y), catalog.popularity(x)))
                .limit(10).map(this::track).toList();
    }

    @Override
    public List<RemoteArtist> relatedArtists(String artistId) {
        int a = catalog.artistIndexOf(artistId);
        return a < 0 ? List.of() : Arrays.stream(related.of(a)).mapToObj(this::artist).toList();
    }

    @Override
    public List<RemoteTrack> recommend(RecommendationQuery query) {
        RecommendationQuery q = RecommendationQuery.check(query).query();
        double[] target = new double[Attribute.count()];
        Arrays.fill(target, Double.NaN);
        q.features().forEach((name, v) -> target[Attribute.fromWireName(name).ordinal()] = v);
        List<String> seeds = q.seeds().stream().filter(id -> catalog.indexOf(id) >= 0).toList();
        if (seeds.isEmpty()) {
            return List.of();
        }
        int[] found = recommender.recommend(new SeedQuery(seeds, List.of(), List.of(), Math.min(SeedQuery.MAX_LIMIT,
                q.size() + q.negativeSeeds().size()), null, null, target, SeedQuery.DEFAULT_MAX_PER_ARTIST)).tracks();
        List<RemoteTrack> out = new ArrayList<>();
        for (int t : found) {
            if (!q.negativeSeeds().contains(catalog.trackId(t)) && out.size() < q.size()) {
                out.add(track(t));
            }
        }
        return out;
    }

    private RemoteTrack track(int i) {
        Track t = catalog.track(i);
        return new RemoteTrack(t.id(), t.name(), t.artists(), t.album(), t.durationMs(), t.explicit(), t.popularity());
    }

    private RemoteArtist artist(int a) {
        List<String> genres = Arrays.stream(catalog.artistGenres(a)).mapToObj(catalog::genreName).toList();
        return new RemoteArtist(catalog.artistId(a), catalog.artistName(a), genres, catalog.artistPopularity(a));
    }
}
