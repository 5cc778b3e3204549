package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.rerank.Scored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedRecommender;
import dev.mixtape.algo.playlist.Playlist;
import dev.mixtape.algo.playlist.PlaylistConfig;
import dev.mixtape.algo.playlist.PlaylistGenerator;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.IntPredicate;
import org.junit.jupiter.api.Test;

/**
 * Scenes on every surface, on a world where rock and reggaeton sound the same (so sound alone would mix them): a rock
 * seed, artist or prompt gets no reggaeton unless the request opens the scene (a reggaeton seed, genre or artist, or
 * a listener who plays it).
 */
class SceneCoherenceTest {
    static final Instant NOW = Instant.parse("2026-06-03T14:00:00Z");
    static final Catalog CATALOG = build();
    static final FeatureSpace SPACE = new FeatureSpace(CATALOG);

    static Catalog build() {
        Random rnd = new Random(5);
        CatalogBuilder b = new CatalogBuilder();
        for (String genre : List.of("rock", "reggaeton")) {
            for (int a = 0; a < 8; a++) {
                ArtistRef artist = new ArtistRef(genre + "-artist-" + a, genre + " artist " + a);
                for (int n = 0; n < 6; n++) {
                    AudioFeatures f = new AudioFeatures(0.5 + 0.05 * rnd.nextGaussian(), 0.6 + 0.05 * rnd.nextGaussian(),
                            0.5 + 0.05 * rnd.nextGaussian(), 0.2, 0.1, 0.05, 0.5 + 0.05 * rnd.nextGaussian(), rnd.nextInt(12), 1,
                            -7, 120 + 5 * rnd.nextGaussian(), 4);
                    b.add(new Track(genre + "-" + a + "-" + n, genre + " song " + a + "." + n, List.of(artist),
                            new AlbumRef(genre + "-album-" + a, "Album"), 200_000, false, 10 + rnd.nextInt(80), Set.of(genre), f));
                }
            }
        }
        return b.build();
    }

    private static boolean reggaeton(int track) {
        return CATALOG.artistName(CATALOG.trackArtists(track)[0]).startsWith("reggaeton");
    }

    private static int[] seeded(SeedQuery q) {
        GenreSets g = new GenreSets(CATALOG);
        return new SeedRecommender(SPACE, g, new RelatedArtists(SPACE, g)).recommend(q).tracks();
    }

    @Test
    void v1SeedsOpenOnlyTheirOwnScenes() {
        int[] rock = seeded(SeedQuery.of(List.of("rock-0-0"), List.of(), List.of(), 20));
        assertThat(rock).hasSize(20);
        assertThat(Arrays.stream(rock).noneMatch(SceneCoherenceTest::reggaeton)).isTrue();
        assertThat(Arrays.stream(seeded(SeedQuery.of(List.of("rock-0-0"), List.of(), List.of("reggaeton"), 30))).anyMatch(SceneCoherenceTest::reggaeton)).isTrue();
        assertThat(Arrays.stream(seeded(SeedQuery.of(List.of(), List.of("reggaeton-artist-1"), List.of(), 30))).anyMatch(SceneCoherenceTest::reggaeton)).isTrue();
        int[] related = new RelatedArtists(SPACE, new GenreSets(CATALOG)).of(CATALOG.artistIndexOf("rock-artist-0"));
        assertThat(related).isNotEmpty();
        assertThat(Arrays.stream(related).noneMatch(a -> CATALOG.artistName(a).startsWith("reggaeton"))).isTrue();
    }

    @Test
    void anUncoveredArtistBorrowsTheNeighbourhoodsOfTheCoveredArtistsClosestToItWithinItsScene() {
        RelatedArtists content = new RelatedArtists(SPACE, new GenreSets(CATALOG));
        int cold = CATALOG.artistIndexOf("reggaeton-artist-0");
        int coldRock = CATALOG.artistIndexOf("rock-artist-0");
        // every covered artist's neighbours: two rock artists, then two reggaeton artists
        int[] rock = {CATALOG.artistIndexOf("rock-artist-6"), CATALOG.artistIndexOf("rock-artist-7")};
        int[] latin = {CATALOG.artistIndexOf("reggaeton-artist-6"), CATALOG.artistIndexOf("reggaeton-artist-7")};
        dev.mixtape.algo.content.ArtistKin known = (a, limit) -> new int[] {rock[0], rock[1], latin[0], latin[1]};
        java.util.function.IntPredicate covered = a -> a != cold && a != coldRock;
        dev.mixtape.algo.content.ArtistKin kin = dev.mixtape.algo.content.ArtistKin.borrowing(known, covered, content);
        // a covered artist keeps its own
        int covering = CATALOG.artistIndexOf("rock-artist-3");
        assertThat(kin.of(covering, 20)).containsExactly(rock[0], rock[1], latin[0], latin[1]);
        // the uncovered reggaeton artist: its closest covered reggaeton artists first, then their reggaeton neighbours,
        // never the rock ones (outside its scene)
        int[] borrowed = kin.of(cold, 20);
        assertThat(borrowed).isNotEmpty().doesNotContain(cold, rock[0], rock[1]).contains(latin[0], latin[1]);
        int[] donors = Arrays.stream(content.of(cold)).filter(covered).limit(dev.mixtape.algo.content.ArtistKin.DONORS).toArray();
        assertThat(borrowed[0]).isEqualTo(donors[0]);
        assertThat(Arrays.stream(borrowed).allMatch(a -> CATALOG.artistName(a).startsWith("reggaeton"))).isTrue();
        // an uncovered artist outside every scene may borrow anything its donors' neighbourhoods hold
        assertThat(kin.of(coldRock, 20)).contains(rock[0], rock[1]);
        // without a model there is nothing to borrow
        assertThat(dev.mixtape.algo.content.ArtistKin.borrowing(known, a -> false, content, () -> false).of(cold, 20)).isEmpty();
    }

    private static StrategyModels models() {
        return new StrategyModels(SPACE, () -> null, "test");
    }

    private static StrategyRequest request(int track, ListenerState listener) {
        UserContext c = new UserContext(ZonedDateTime.of(2026, 6, 3, 14, 0, 0, 0, ZoneOffset.UTC), null, null, null, false);
        return new StrategyRequest(track, listener, 30, c, Set.of(), Filters.NONE, Map.of(), 7);
    }

    private static ListenerState listener(String... tracks) {
        List<HistoryEntry> h = Arrays.stream(tracks).map(t -> new HistoryEntry(t, PlayDecay.weight(1, NOW), 1, 0, 0, 0, 0, NOW)).toList();
        return new ListenerState(new Listener("u", NOW.minusSeconds(86_400), NOW, h.size()), h, null);
    }

    @Test
    void strategiesKeepToTheScenesTheSeedAndTheHistoryOpen() {
        StrategyModels m = models();
        List<Scored> similar = new ContentStrategy(m).recommend(request(CATALOG.indexOf("rock-0-0"), null), 30);
        assertThat(similar).hasSize(30).noneMatch(s -> reggaeton(s.track()));
        // one play of a reggaeton track does not open the scene; two (on two tracks) do
        IntPredicate once = m.allowed(request(-1, listener("rock-1-0", "reggaeton-2-0")), null);
        IntPredicate twice = m.allowed(request(-1, listener("rock-1-0", "reggaeton-2-0", "reggaeton-3-0")), null);
        int latin = CATALOG.indexOf("reggaeton-5-5");
        assertThat(once.test(latin)).isFalse();
        assertThat(twice.test(latin)).isTrue();
        assertThat(twice.test(CATALOG.indexOf("rock-5-5"))).isTrue();
        // a request with neither seed nor listener is not fenced in
        assertThat(m.allowed(request(-1, null), null).test(latin)).isTrue();
    }

    private static MoodTarget target(Set<String> genres, List<String> artists) {
        return new MoodTarget(Map.of(), Map.of(), genres, Set.of(), artists, Set.of(), List.of(), true, 20, Arc.STEADY);
    }

    @Test
    void playlistsKeepToTheScenesThePromptOpens() {
        PlaylistGenerator g = PlaylistGenerator.of(CATALOG, PlaylistConfig.DEFAULT);
        Playlist likeRock = g.generate(target(Set.of(), List.of("rock-artist-0")), 1);
        assertThat(likeRock.entries()).hasSize(20).noneMatch(e -> reggaeton(e.track()));
        Playlist plain = g.generate(target(Set.of(), List.of()), 1);
        assertThat(plain.entries()).noneMatch(e -> reggaeton(e.track()));
        Playlist asked = g.generate(target(Set.of("reggaeton"), List.of()), 1);
        assertThat(asked.entries()).anyMatch(e -> reggaeton(e.track()));
    }
}
