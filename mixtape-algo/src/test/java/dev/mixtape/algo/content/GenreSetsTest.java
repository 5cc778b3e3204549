package dev.mixtape.algo.content;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link GenreSets} Jaccard overlaps against {@link Set}-based ones, with more than 64 genres (seed logged). */
class GenreSetsTest {

    @Test
    void jaccardMatchesNaiveSets() {
        long seed = new Random().nextLong();
        System.out.println("GenreSetsTest seed=" + seed);
        Random rnd = new Random(seed);
        CatalogBuilder b = new CatalogBuilder();
        AudioFeatures f = new AudioFeatures(0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 0.5, 1, 1, -5, 120, 4);
        for (int i = 0; i < 300; i++) {
            Set<String> genres = new HashSet<>();
            for (int k = rnd.nextInt(5); k > 0; k--) {
                genres.add("g" + rnd.nextInt(150));
            }
            b.add(new Track("t" + i, "T", List.of(new ArtistRef("a" + rnd.nextInt(30), "A")), new AlbumRef("al", "Al"),
                    1000, false, 1, genres, f));
        }
        Catalog c = b.build();
        assertThat(c.genreCount()).isGreaterThan(128);
        GenreSets sets = new GenreSets(c);
        for (int round = 0; round < 2000; round++) {
            int t = rnd.nextInt(c.size());
            int u = rnd.nextInt(c.size());
            assertThat(sets.withTrack(sets.trackSet(t), u)).as("tracks %d %d, seed %d", t, u, seed)
                    .isEqualTo(naive(c.trackGenres(t), c.trackGenres(u)));
            int a = rnd.nextInt(c.artistCount());
            int o = rnd.nextInt(c.artistCount());
            assertThat(sets.withArtist(sets.artistSet(a), o)).as("artists %d %d, seed %d", a, o, seed)
                    .isEqualTo(naive(c.artistGenres(a), c.artistGenres(o)));
            int[] main = java.util.Arrays.copyOf(c.artistGenres(a), Math.min(3, c.artistGenres(a).length));
            assertThat(sets.withTrack(sets.of(main), u)).as("main genres of %d vs track %d, seed %d", a, u, seed)
                    .isEqualTo(naive(main, c.trackGenres(u)));
        }
    }

    private static float naive(int[] a, int[] b) {
        Set<Integer> x = new HashSet<>();
        for (int g : a) {
            x.add(g);
        }
        Set<Integer> y = new HashSet<>();
        for (int g : b) {
            y.add(g);
        }
        Set<Integer> union = new HashSet<>(x);
        union.addAll(y);
        x.retainAll(y);
        return union.isEmpty() ? 0f : (float) x.size() / union.size();
    }
}
