package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PlaylistGeneratorTest {
    private static final long SEED = 314159L;
    private static final Catalog CATALOG = Fixtures.catalog(SEED, 4000, 150, 10);
    private static final PlaylistGenerator GENERATOR = PlaylistGenerator.of(CATALOG, PlaylistConfig.DEFAULT);

    private static MoodTarget randomTarget(Random rnd) {
        Fixtures.TargetBuilder b = Fixtures.target()
                .set(Attribute.ENERGY, rnd.nextDouble())
                .set(Attribute.VALENCE, rnd.nextDouble())
                .length(5 + rnd.nextInt(40))
                .arc(Arc.values()[rnd.nextInt(4)]);
        if (rnd.nextBoolean()) {
            b.set(Attribute.TEMPO, 70 + 100 * rnd.nextDouble());
        }
        if (rnd.nextBoolean()) {
            b.noExplicit();
        }
        if (rnd.nextBoolean()) {
            b.genre("g" + rnd.nextInt(10), "g" + rnd.nextInt(10));
        }
        for (int i = rnd.nextInt(3); i > 0; i--) {
            b.excludeGenre("g" + rnd.nextInt(10));
        }
        for (int i = rnd.nextInt(4); i > 0; i--) {
            b.excludeArtist("a" + rnd.nextInt(150));
        }
        if (rnd.nextInt(3) == 0) {
            b.artist("a" + rnd.nextInt(150));
        }
        if (rnd.nextInt(3) == 0) {
            b.track("t" + rnd.nextInt(4000));
        }
        return b.build();
    }

    @Test
    void hardExclusionsAreNeverViolated() {
        Random rnd = new Random(SEED);
        for (int round = 0; round < 60; round++) {
            MoodTarget t = randomTarget(rnd);
            Playlist p = GENERATOR.generate(t, round);
            for (Playlist.Entry e : p.entries()) {
                int track = e.track();
                String why = "round " + round + ", track " + e.trackId();
                if (!t.allowExplicit()) {
                    assertThat(CATALOG.explicit(track)).as(why).isFalse();
                }
                for (int g : CATALOG.trackGenres(track)) {
                    assertThat(t.excludedGenres()).as(why).doesNotContain(CATALOG.genreName(g));
                }
                for (int a : CATALOG.trackArtists(track)) {
                    assertThat(t.excludedArtists()).as(why).doesNotContain(CATALOG.artistId(a));
                }
            }
        }
    }

    @Test
    void sameTargetAndSeedGiveTheSamePlaylistAndOtherSeedsVaryIt() {
        Random rnd = new Random(SEED + 1);
        PlaylistGenerator other = PlaylistGenerator.of(CATALOG, PlaylistConfig.DEFAULT);
        int differing = 0;
        for (int round = 0; round < 15; round++) {
            MoodTarget t = randomTarget(rnd);
            Playlist a = GENERATOR.generate(t, 42);
            Playlist b = other.generate(t, 42);
            assertThat(b.entries()).as("round %d", round).isEqualTo(a.entries());
            assertThat(b.quality()).isEqualTo(a.quality());
            assertThat(b.iterations()).isEqualTo(a.iterations());
            assertThat(b.relaxed()).isEqualTo(a.relaxed());
            if (!GENERATOR.generate(t, 43).trackIds().equals(a.trackIds())) {
                differing++;
            }
        }
        assertThat(differing).isGreaterThan(5);
    }

    @Test
    void respectsLengthArtistCapAndPlaysEachSongOnce() {
        Random rnd = new Random(SEED + 2);
        SongKeys songs = new SongKeys(CATALOG, true);
        for (int round = 0; round < 40; round++) {
            MoodTarget t = randomTarget(rnd);
            Playlist p = GENERATOR.generate(t, round);
            if (p.relaxed().isEmpty()) {
                assertThat(p.entries()).as("round %d", round).hasSize(t.length());
                Map<Integer, Integer> perArtist = new HashMap<>();
                for (Playlist.Entry e : p.entries()) {
                    perArtist.merge(CATALOG.trackArtists(e.track())[0], 1, Integer::sum);
                }
                assertThat(perArtist.values()).as("round %d", round).allMatch(c -> c <= PlaylistConfig.DEFAULT.maxPerArtist());
            }
            Set<Integer> seen = new HashSet<>();
            for (Playlist.Entry e : p.entries()) {
                assertThat(seen.add(songs.of(e.track()))).as("round %d: song of %s twice", round, e.trackId()).isTrue();
            }
            // mentioned tracks (and their other versions) are not played back by default
            for (String id : t.tracks()) {
                assertThat(seen).doesNotContain(songs.of(CATALOG.indexOf(id)));
            }
            assertThat(p.poolSize()).isLessThanOrEqualTo(PlaylistConfig.DEFAULT.maxPool()).isGreaterThanOrEqualTo(p.entries().size());
        }
    }

    @Test
    void everyEntryExplainsItsProvenance() {
        MoodTarget t = Fixtures.target().set(Attribute.ENERGY, 0.7).artist("a4").track("t17").length(30).build();
        Playlist p = GENERATOR.generate(t, 1);
        Set<String> anchorIds = new HashSet<>();
        p.seeds().anchors().forEach(a -> anchorIds.add(CATALOG.trackId(a.track())));
        Set<String> artistIds = new HashSet<>();
        p.seeds().artists().forEach(a -> artistIds.add(CATALOG.artistId(a.artist())));
        Set<Source> sources = new HashSet<>();
        for (Playlist.Entry e : p.entries()) {
            sources.add(e.source());
            assertThat(e.explanation()).isNotBlank();
            assertThat(e.generators()).isBetween(1, 3);
            assertThat(e.targetFit()).isBetween(0f, 1f);
            switch (e.source()) {
                case ANCHOR -> {
                    assertThat(anchorIds).contains(e.via());
                    assertThat(e.explanation()).startsWith("near '");
                }
                case ARTIST -> {
                    assertThat(artistIds).contains(e.via());
                    assertThat(e.explanation()).startsWith("by ");
                }
                case TARGET -> {
                    assertThat(e.via()).isNull();
                    assertThat(e.explanation()).startsWith("close to the target sound");
                }
            }
            assertThat(e.explanation()).contains("energy");
        }
        assertThat(sources).hasSizeGreaterThan(1);
        Playlist.Timings tm = p.timings();
        assertThat(List.of(tm.seedsMs(), tm.generationMs(), tm.qualityMs(), tm.improvementMs(), tm.orderingMs())).allMatch(ms -> ms >= 0);
        assertThat(tm.seedsMs() + tm.generationMs() + tm.qualityMs() + tm.improvementMs() + tm.orderingMs())
                .isLessThanOrEqualTo(tm.totalMs() + 1e-9);
    }

    @Test
    void aTooSmallGenreIsWidenedAndSaidSo() {
        // g-tiny has 12 tracks: the pool is widened to other genres, and the playlist filled
        List<dev.mixtape.core.Track> tracks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tracks.add(Fixtures.track("x" + i, "xa" + i, Set.of("tiny"), false, 50, 0.5, 0.5, 0.5, 120, 0, 1));
        }
        Catalog catalog = withExtra(tracks);
        Playlist p = PlaylistGenerator.of(catalog, PlaylistConfig.DEFAULT).generate(
                Fixtures.target().genre("tiny").set(Attribute.ENERGY, 0.5).length(30).build(), 1);
        assertThat(p.relaxed()).anyMatch(r -> r.startsWith("genres: only 12 candidates in tiny"));
        assertThat(p.entries()).hasSize(30);
        assertThat(p.quality().genreFit()).isLessThan(1.0);
    }

    @Test
    void fewArtistsRaiseTheCapAndTooFewTracksShortenThePlaylist() {
        List<dev.mixtape.core.Track> tracks = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            tracks.add(Fixtures.track("y" + i, "ya" + (i % 3), Set.of("solo"), false, 50, 0.1 * (i % 10), 0.5, 0.5, 100 + i, i % 12, i % 2));
        }
        Catalog catalog = new dev.mixtape.core.CatalogBuilder().addAll(tracks).build();
        PlaylistGenerator gen = PlaylistGenerator.of(catalog, PlaylistConfig.DEFAULT);
        Playlist p = gen.generate(Fixtures.target().length(9).build(), 1);
        assertThat(p.entries()).hasSize(9);
        assertThat(p.relaxed()).anyMatch(r -> r.startsWith("max_per_artist: raised from 2 to 3"));
        Playlist q = gen.generate(Fixtures.target().length(20).build(), 1);
        assertThat(q.entries()).hasSize(12);
        assertThat(q.relaxed()).anyMatch(r -> r.startsWith("length: only 12 of 20"));
        Playlist none = gen.generate(Fixtures.target().excludeGenre("solo").build(), 1);
        assertThat(none.entries()).isEmpty();
        assertThat(none.quality()).isEqualTo(PlaylistQuality.Scores.EMPTY);
    }

    private static Catalog withExtra(List<dev.mixtape.core.Track> extra) {
        dev.mixtape.core.CatalogBuilder b = new dev.mixtape.core.CatalogBuilder();
        for (int t = 0; t < CATALOG.size(); t++) {
            b.add(CATALOG.track(t));
        }
        return b.addAll(extra).build();
    }

    @Test
    void improvementStopsEarlyNeverExceedsItsLimitAndIsSkippedInFastMode() {
        Random rnd = new Random(SEED + 3);
        PlaylistConfig easy = PlaylistConfig.DEFAULT.toBuilder().qualityThreshold(0).cohesionThreshold(0).build();
        PlaylistConfig fast = PlaylistConfig.DEFAULT.toBuilder().fastMode(true).qualityThreshold(1).cohesionThreshold(1).build();
        int ran = 0;
        for (int round = 0; round < 20; round++) {
            MoodTarget t = randomTarget(rnd);
            PlaylistRequest r = new PlaylistRequest(t, round);
            assertThat(GENERATOR.generate(r, easy).iterations()).isZero();
            assertThat(GENERATOR.generate(r, fast).iterations()).isZero();
            for (int max = 0; max <= 3; max++) {
                PlaylistConfig hard = PlaylistConfig.DEFAULT.toBuilder().qualityThreshold(1).cohesionThreshold(1).maxIterations(max).build();
                int it = GENERATOR.generate(r, hard).iterations();
                assertThat(it).as("round %d max %d", round, max).isBetween(Math.min(1, max), max);
                ran += it;
            }
        }
        assertThat(ran).isGreaterThan(0);
    }

    @Test
    void concurrentRequestsGetTheSameAnswersAsSequentialOnes() throws Exception {
        Random rnd = new Random(SEED + 4);
        List<MoodTarget> targets = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            targets.add(randomTarget(rnd));
        }
        List<List<String>> sequential = new ArrayList<>();
        for (int i = 0; i < targets.size(); i++) {
            sequential.add(GENERATOR.generate(targets.get(i), i).trackIds());
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<String>>> futures = new ArrayList<>();
            for (int rep = 0; rep < 3; rep++) {
                for (int i = 0; i < targets.size(); i++) {
                    int k = i;
                    futures.add(pool.submit(() -> GENERATOR.generate(targets.get(k), k).trackIds()));
                }
            }
            for (int f = 0; f < futures.size(); f++) {
                assertThat(futures.get(f).get()).isEqualTo(sequential.get(f % targets.size()));
            }
        } finally {
            pool.shutdown();
        }
    }
}
