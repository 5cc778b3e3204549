package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.playlist.Seeds.Anchor;
import dev.mixtape.algo.playlist.Seeds.AnchorKind;
import dev.mixtape.algo.playlist.Seeds.ArtistKind;
import dev.mixtape.algo.playlist.Seeds.SeedArtist;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.MoodTarget;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each generator against a slow obvious oracle on random targets (seeds logged in assertion messages). */
class GeneratorsTest {
    private static final long SEED = 20240611L;
    private final Catalog catalog = Fixtures.catalog(SEED, 3000, 90, 8);
    private final FeatureSpace space = new FeatureSpace(catalog);
    private final GenreSets genreSets = new GenreSets(catalog);
    private final float[] mean = TargetProfile.catalogMean(space);


    private TargetProfile profile(MoodTarget t) {
        return new TargetProfile(t, space, genreSets, mean);
    }

    /** A random target with some exclusions. */
    private MoodTarget randomTarget(Random rnd, boolean withGenres) {
        Fixtures.TargetBuilder b = Fixtures.target()
                .set(Attribute.ENERGY, rnd.nextDouble())
                .set(Attribute.VALENCE, rnd.nextDouble());
        if (rnd.nextBoolean()) {
            b.set(Attribute.TEMPO, 60 + 120 * rnd.nextDouble());
        }
        if (rnd.nextBoolean()) {
            b.noExplicit();
        }
        b.excludeGenre("g" + rnd.nextInt(8));
        b.excludeArtist("a" + rnd.nextInt(90), "a" + rnd.nextInt(90));
        if (withGenres) {
            b.genre("g" + rnd.nextInt(8), "g" + rnd.nextInt(8));
        }
        return b.build();
    }

    @Test
    void anchorGeneratorReturnsTheExactNearestAllowedNeighboursOfEachAnchor() {
        Random rnd = new Random(SEED);
        AnchorGenerator gen = new AnchorGenerator(space);
        float[] scratch = new float[catalog.size()];
        for (int round = 0; round < 10; round++) {
            TargetProfile p = profile(randomTarget(rnd, false));
            List<Anchor> anchors = new ArrayList<>();
            for (int i = 0; i < 1 + rnd.nextInt(4); i++) {
                anchors.add(new Anchor(rnd.nextInt(catalog.size()), AnchorKind.MENTIONED_TRACK, -1));
            }
            Seeds seeds = new Seeds(anchors, List.of());
            int budget = 100 + rnd.nextInt(300);
            Candidates c = gen.generate(p, seeds, budget, scratch);
            int k = Math.max(AnchorGenerator.MIN_PER_ANCHOR, Math.min(AnchorGenerator.MAX_PER_ANCHOR, budget / anchors.size()));
            int at = 0;
            for (int a = 0; a < anchors.size(); a++) {
                int anchor = anchors.get(a).track();
                List<Integer> expected = oracleNearest(p, space.points(), anchor * FeatureSpace.DIMS, anchor, k);
                for (int j = 0; j < expected.size(); j++, at++) {
                    assertThat(c.track(at)).as("round %d anchor %d rank %d", round, a, j).isEqualTo(expected.get(j));
                    assertThat(c.ref(at)).isEqualTo(a);
                    assertThat(c.affinity(at)).isEqualTo(FeatureSpace.similarity(FeatureSpace.distance2(
                            space.points(), anchor * FeatureSpace.DIMS, space.points(), c.track(at) * FeatureSpace.DIMS)));
                }
            }
            assertThat(c.size()).isEqualTo(at);
        }
    }

    @Test
    void aGenreRepresentativesNeighboursKeepToTheWantedGenres() {
        Random rnd = new Random(SEED + 1);
        AnchorGenerator gen = new AnchorGenerator(space);
        float[] scratch = new float[catalog.size()];
        for (int round = 0; round < 10; round++) {
            TargetProfile p = profile(randomTarget(rnd, true));
            int anchor = rnd.nextInt(catalog.size());
            Candidates rep = gen.generate(p, new Seeds(List.of(new Anchor(anchor, AnchorKind.GENRE_REPRESENTATIVE, -1)), List.of()), 200, scratch);
            List<Integer> expected = oracleNearest(p, space.points(), anchor * FeatureSpace.DIMS, anchor, catalog.size()).stream()
                    .filter(t -> p.genreMatch(t) == 1f).limit(AnchorGenerator.MAX_PER_ANCHOR).limit(200).toList();
            assertThat(rep.size()).as("round %d", round).isEqualTo(expected.size()).isPositive();
            for (int j = 0; j < rep.size(); j++) {
                assertThat(rep.track(j)).as("round %d rank %d", round, j).isEqualTo(expected.get(j));
                assertThat(p.genreMatch(rep.track(j))).isEqualTo(1f);
            }
            // a mentioned track's neighbours are not narrowed by the prompt's genres
            Candidates mentioned = gen.generate(p, new Seeds(List.of(new Anchor(anchor, AnchorKind.MENTIONED_TRACK, -1)), List.of()), 200, scratch);
            assertThat(mentioned.size()).isEqualTo(200);
            assertThat(java.util.stream.IntStream.range(0, mentioned.size()).map(mentioned::track).boxed().toList())
                    .isEqualTo(oracleNearest(p, space.points(), anchor * FeatureSpace.DIMS, anchor, 200));
        }
    }

    /** All allowed tracks but {@code self} sorted by (float distance, index), the first k. */
    private List<Integer> oracleNearest(TargetProfile p, float[] from, int fo, int self, int k) {
        List<Integer> ids = new ArrayList<>();
        for (int t = 0; t < catalog.size(); t++) {
            if (t != self && !p.excluded(t)) {
                ids.add(t);
            }
        }
        ids.sort(Comparator.<Integer>comparingDouble(t -> FeatureSpace.distance2(from, fo, space.points(), t * FeatureSpace.DIMS))
                .thenComparingInt(t -> t));
        return ids.subList(0, Math.min(k, ids.size()));
    }

    @Test
    void targetGeneratorFindsTheNearestAllowedTracksToTheTargetPoint() {
        Random rnd = new Random(SEED + 1);
        float[] scratch = new float[catalog.size()];
        for (int round = 0; round < 20; round++) {
            boolean withGenres = round % 2 == 0;
            TargetProfile p = profile(randomTarget(rnd, withGenres));
            int budget = 50 + rnd.nextInt(400);
            Candidates c = new TargetGenerator(space, true).generate(p, new Seeds(List.of(), List.of()), budget, scratch);
            List<Integer> allowed = new ArrayList<>();
            for (int t = 0; t < catalog.size(); t++) {
                boolean inGenre = p.genres().length == 0 || p.genreMatch(t) == 1f;
                if (!p.excluded(t) && inGenre) {
                    allowed.add(t);
                }
            }
            allowed.sort(Comparator.comparingDouble(t -> oracleDistance(p, t)));
            int k = Math.min(budget, allowed.size());
            assertThat(c.size()).as("round %d", round).isEqualTo(k);
            Set<Integer> got = new HashSet<>();
            for (int i = 0; i < c.size(); i++) {
                int t = c.track(i);
                assertThat(got.add(t)).as("round %d: %d twice", round, t).isTrue();
                assertThat(p.excluded(t)).isFalse();
                // the float scan may order near-ties differently from the double oracle, never more
                assertThat(oracleDistance(p, t)).as("round %d", round).isLessThanOrEqualTo(oracleDistance(p, allowed.get(k - 1)) + 1e-5);
                assertThat(c.ref(i)).isEqualTo(-1);
            }
        }
    }

    private double oracleDistance(TargetProfile p, int t) {
        double s = 0;
        for (int d = 0; d < FeatureSpace.DIMS; d++) {
            double x = p.dimWeights()[d] * ((double) space.points()[t * FeatureSpace.DIMS + d] - p.point()[d]);
            s += x * x;
        }
        return s;
    }

    @Test
    void anywhereTargetGeneratorIgnoresTheGenreRestriction() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.5).genre("g1").build());
        Candidates c = new TargetGenerator(space, false).generate(p, new Seeds(List.of(), List.of()), 400, new float[catalog.size()]);
        assertThat(c.size()).isEqualTo(400);
        boolean outside = false;
        for (int i = 0; i < c.size(); i++) {
            outside |= p.genreMatch(c.track(i)) == 0f;
        }
        assertThat(outside).isTrue();
    }

    @Test
    void artistGeneratorTakesEachSeedArtistsBestFittingAllowedTracks() {
        Random rnd = new Random(SEED + 2);
        for (int round = 0; round < 10; round++) {
            TargetProfile p = profile(randomTarget(rnd, false));
            List<SeedArtist> artists = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                artists.add(new SeedArtist(rnd.nextInt(catalog.artistCount()), ArtistKind.values()[i], -1, 0f));
            }
            int per = 1 + rnd.nextInt(8);
            Candidates c = new ArtistGenerator(catalog, per).generate(p, new Seeds(List.of(), artists), 1000, null);
            int at = 0;
            for (int i = 0; i < artists.size(); i++) {
                List<Integer> expected = new ArrayList<>();
                for (int t : catalog.artistTracks(artists.get(i).artist())) {
                    if (!p.excluded(t)) {
                        expected.add(t);
                    }
                }
                expected.sort(Comparator.<Integer>comparingDouble(t -> -(0.7f * p.fit(t) + 0.3f * catalog.popularity(t) / 100f))
                        .thenComparingInt(t -> t));
                for (int t : expected.subList(0, Math.min(per, expected.size()))) {
                    assertThat(c.track(at)).as("round %d artist %d", round, i).isEqualTo(t);
                    assertThat(c.ref(at)).isEqualTo(i);
                    assertThat(c.affinity(at)).isEqualTo(artists.get(i).kind().kinship());
                    at++;
                }
            }
            assertThat(c.size()).isEqualTo(at);
        }
    }
}
