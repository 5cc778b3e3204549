package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.MoodTarget;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The improvement loop on real pools: it never lowers the overall score and keeps every rule. */
class PlaylistImproverTest {
    private final Catalog catalog = Fixtures.catalog(11, 3000, 120, 8);
    private final FeatureSpace space = new FeatureSpace(catalog);
    private final GenreSets genreSets = new GenreSets(catalog);
    private final SongKeys songs = new SongKeys(catalog, true);
    private final Selector selector = new Selector(catalog, songs);
    private final ArcOrderer orderer = new ArcOrderer(space);
    private final float[] mean = TargetProfile.catalogMean(space);

    @Test
    void passesOnlyRaiseTheScoreAndKeepTheRules() {
        Random rnd = new Random(11);
        SeedGatherer gatherer = new SeedGatherer(space, new RelatedArtists(space, genreSets));
        PlaylistScratch s = new PlaylistScratch(catalog.size(), catalog.artistCount(), songs.count());
        int improvedRounds = 0;
        for (int round = 0; round < 20; round++) {
            MoodTarget t = Fixtures.target().set(Attribute.ENERGY, rnd.nextDouble()).set(Attribute.VALENCE, rnd.nextDouble())
                    .length(20).excludeGenre("g" + rnd.nextInt(8)).build();
            PlaylistConfig c = PlaylistConfig.DEFAULT.toBuilder().qualityThreshold(1).cohesionThreshold(1).maxIterations(3).build();
            TargetProfile p = new TargetProfile(t, space, genreSets, mean);
            Seeds seeds = gatherer.gather(p, AnchorSource.NONE, c);
            Candidates[] lists = {
                new AnchorGenerator(space).generate(p, seeds, 500, new float[catalog.size()]),
                new ArtistGenerator(catalog, 6).generate(p, seeds, 72, null),
                new TargetGenerator(space, true).generate(p, seeds, 500, new float[catalog.size()])
            };
            CandidatePool pool = CandidatePool.merge(lists, p, catalog, s.slotOf, 500, round, 0.5f);
            int[] selected = new int[20];
            int[] order = java.util.stream.IntStream.range(0, pool.size).toArray();
            int n = selector.pick(pool, selected, 0, order, pool.size, 20, 2, new int[0], s, selected);
            PlaylistQuality quality = new PlaylistQuality(space, c.weights());
            PlaylistImprover improver = new PlaylistImprover(space, quality, orderer, selector);
            PlaylistQuality.Scores before = improver.evaluate(pool, selected, n, p, t.arc(), 2);
            PlaylistImprover.Result r = improver.improve(pool, selected.clone(), n, before, p, c, 2, new int[0], s);
            assertThat(r.iterations()).isBetween(1, 3);
            assertThat(r.scores().overall()).isGreaterThanOrEqualTo(before.overall());
            assertThat(r.scores()).isEqualTo(improver.evaluate(pool, r.selected(), r.n(), p, t.arc(), 2));
            if (r.scores().overall() > before.overall()) {
                improvedRounds++;
            }
            java.util.Map<Integer, Integer> perArtist = new java.util.HashMap<>();
            java.util.Set<Integer> seenSongs = new java.util.HashSet<>();
            for (int i = 0; i < r.n(); i++) {
                int track = pool.track[r.selected()[i]];
                assertThat(p.excluded(track)).isFalse();
                assertThat(seenSongs.add(songs.of(track))).isTrue();
                perArtist.merge(catalog.trackArtists(track)[0], 1, Integer::sum);
            }
            assertThat(perArtist.values()).allMatch(k -> k <= 2);
        }
        // a high variety makes the first pick noisy: passes must find something better now and then
        assertThat(improvedRounds).isGreaterThan(0);
    }
}
