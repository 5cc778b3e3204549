package dev.mixtape.algo.listener;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small catalog of archetypal genres with the real catalog's genre names (classical, dance, metal,
 * jazz, pop, folk): each genre has typical features, 6 artists of 5 tracks each, with noise. Track ids
 * are {@code <genre>-<artist>-<n>}.
 */
public final class GenreCatalog {
    /** acousticness, danceability, energy, instrumentalness, valence, tempo, loudness. */
    static final Map<String, double[]> CENTRES = Map.of(
            "classical", new double[] {0.95, 0.25, 0.15, 0.85, 0.30, 90, -20},
            "dance", new double[] {0.05, 0.85, 0.85, 0.10, 0.80, 124, -5},
            "metal", new double[] {0.01, 0.35, 0.97, 0.20, 0.30, 150, -4},
            "jazz", new double[] {0.70, 0.55, 0.35, 0.50, 0.55, 110, -12},
            "pop", new double[] {0.20, 0.70, 0.65, 0.02, 0.65, 118, -6},
            "folk", new double[] {0.80, 0.50, 0.35, 0.05, 0.50, 100, -11});

    private GenreCatalog() {}

    public static Catalog build(long seed) {
        Random rnd = new Random(seed);
        CatalogBuilder b = new CatalogBuilder();
        for (String genre : List.copyOf(new java.util.TreeSet<>(CENTRES.keySet()))) {
            double[] c = CENTRES.get(genre);
            for (int a = 0; a < 6; a++) {
                ArtistRef artist = new ArtistRef(genre + "-artist-" + a, genre + " artist " + a);
                for (int n = 0; n < 5; n++) {
                    String id = genre + "-" + a + "-" + n;
                    AudioFeatures f = new AudioFeatures(clip(c[0] + 0.05 * rnd.nextGaussian()), clip(c[1] + 0.05 * rnd.nextGaussian()),
                            clip(c[2] + 0.05 * rnd.nextGaussian()), clip(c[3] + 0.05 * rnd.nextGaussian()), 0.1, 0.05,
                            clip(c[4] + 0.05 * rnd.nextGaussian()), rnd.nextInt(12), rnd.nextInt(2),
                            Math.min(0, c[6] + rnd.nextGaussian()), c[5] + 5 * rnd.nextGaussian(), 4);
                    b.add(new Track(id, genre + " song " + a + "." + n, List.of(artist), new AlbumRef(genre + "-album-" + a, "Album"),
                            200_000, false, 10 + rnd.nextInt(80), Set.of(genre), f));
                }
            }
        }
        return b.build();
    }

    private static double clip(double v) {
        return Math.round(Math.max(0, Math.min(1, v)) * 1000) / 1000.0;
    }
}
