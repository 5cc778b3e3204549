package dev.mixtape.algo.content;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A small random catalog for tests: tracks over a few artists and genres, feature values on coarse
 * grids (two decimals, tempo and loudness one decimal) so that a bound compared in float and in
 * double gives the same answer. Features cluster like real music: each genre has a centre, each
 * artist an offset from its genre's, each track some noise around its artist. Some tracks are second releases of another (same name up to case
 * and accents, same primary artist, another id).
 */
final class SyntheticCatalog {
    final long seed;
    final Catalog catalog;
    /** The tracks as created (double-precision features), by id. */
    final Map<String, Track> byId = new HashMap<>();
    /** Ids of tracks that re-release an earlier one, mapped to the earlier one's id. */
    final Map<String, String> reReleases = new HashMap<>();

    SyntheticCatalog(long seed, int tracks, int artists, int genres) {
        this.seed = seed;
        Random rnd = new Random(seed);
        double[][] genreCentre = new double[genres][];
        for (int g = 0; g < genres; g++) {
            genreCentre[g] = centre(rnd, null, 0.0);
        }
        double[][] artistCentre = new double[artists][];
        for (int a = 0; a < artists; a++) {
            artistCentre[a] = centre(rnd, genreCentre[a % genres], 0.1);
        }
        List<Track> list = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            if (i > 10 && rnd.nextInt(12) == 0) {
                Track orig = list.get(rnd.nextInt(list.size()));
                String name = rnd.nextBoolean() ? orig.name().toUpperCase(java.util.Locale.ROOT) : orig.name().replace('o', 'ó');
                Track again = new Track("r" + i, name, orig.artists(), new AlbumRef("al" + i, "Best of"),
                        orig.durationMs(), orig.explicit(), rnd.nextInt(101), orig.genres(), orig.features());
                list.add(again);
                reReleases.put(again.id(), orig.id());
                continue;
            }
            List<ArtistRef> as = new ArrayList<>();
            int primary = rnd.nextInt(artists);
            as.add(new ArtistRef("a" + primary, "Artist " + primary));
            if (rnd.nextInt(5) == 0) {
                int feat = rnd.nextInt(artists);
                if (feat != primary) {
                    as.add(new ArtistRef("a" + feat, "Artist " + feat));
                }
            }
            Set<String> gs = new HashSet<>();
            gs.add("genre" + (primary % genres));
            if (rnd.nextInt(4) == 0) {
                gs.add("genre" + rnd.nextInt(genres));
            }
            list.add(new Track("t" + i, "Song " + i, as, new AlbumRef("al" + rnd.nextInt(60), "Album"),
                    60_000 + rnd.nextInt(300) * 1000, rnd.nextBoolean(), rnd.nextInt(101), gs,
                    features(rnd, artistCentre[primary])));
        }
        CatalogBuilder b = new CatalogBuilder();
        for (Track t : list) {
            byId.put(t.id(), t);
            b.add(t);
        }
        catalog = b.build();
    }

    /** Nine values: seven in 0-1, then tempo and loudness in 0-1 (scaled when made into features). */
    private static double[] centre(Random rnd, double[] around, double spread) {
        double[] c = new double[9];
        for (int k = 0; k < c.length; k++) {
            c[k] = around == null ? 0.1 + 0.8 * rnd.nextDouble() : clip(around[k] + spread * rnd.nextGaussian());
        }
        return c;
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    private static double grid(double v, double step) {
        return Math.round(Math.round(v / step) * step * 100) / 100.0;
    }

    private static AudioFeatures features(Random rnd, double[] centre) {
        double[] v = centre(rnd, centre, 0.08);
        return new AudioFeatures(grid(v[0], 0.01), grid(v[1], 0.01), grid(v[2], 0.01), grid(v[3], 0.01),
                grid(v[4], 0.01), grid(v[5], 0.01), grid(v[6], 0.01), rnd.nextInt(13) - 1, rnd.nextInt(2),
                grid(-30 + 30 * v[8], 0.1), grid(60 + 140 * v[7], 0.1), 3 + rnd.nextInt(3));
    }

    /** The value of {@code a} for track {@code t} as created (double precision). */
    double value(Attribute a, int t) {
        Track tr = byId.get(catalog.trackId(t));
        AudioFeatures f = tr.features();
        return switch (a) {
            case ACOUSTICNESS -> f.acousticness();
            case DANCEABILITY -> f.danceability();
            case ENERGY -> f.energy();
            case INSTRUMENTALNESS -> f.instrumentalness();
            case LIVENESS -> f.liveness();
            case SPEECHINESS -> f.speechiness();
            case VALENCE -> f.valence();
            case KEY -> f.key();
            case MODE -> f.mode();
            case POPULARITY -> tr.popularity();
            case DURATION_MS -> tr.durationMs();
            case TIME_SIGNATURE -> f.timeSignature();
            case LOUDNESS -> f.loudness();
            case TEMPO -> f.tempo();
        };
    }

    /** A bound for {@code a}: either the value of a random track (an exact boundary) or a point between grid steps. */
    double randomBound(Random rnd, Attribute a) {
        double v = value(a, rnd.nextInt(catalog.size()));
        if (rnd.nextBoolean() || a.isInteger()) {
            return v;
        }
        double half = a == Attribute.LOUDNESS || a == Attribute.TEMPO ? 0.05 : 0.005;
        return rnd.nextBoolean() ? v + half : v - half;
    }
}
