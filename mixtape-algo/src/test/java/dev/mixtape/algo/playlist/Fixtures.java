package dev.mixtape.algo.playlist;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Test data for playlists: a random catalog whose features cluster like real music (a centre per genre,
 * an offset per artist, noise per track), genres "g0".., artists "a0".. ("Artist 0"), tracks "t0"..
 * ("Song 0"), about a fifth explicit, random keys; about one track in fifteen is another version
 * ("Song 3 - Remastered") of an earlier one. Plus a small builder of {@link MoodTarget}s.
 */
final class Fixtures {
    private Fixtures() {}

    static Catalog catalog(long seed, int tracks, int artists, int genres) {
        Random rnd = new Random(seed);
        double[][] genreCentre = new double[genres][];
        for (int g = 0; g < genres; g++) {
            genreCentre[g] = centre(rnd, null, 0);
        }
        double[][] artistCentre = new double[artists][];
        for (int a = 0; a < artists; a++) {
            artistCentre[a] = centre(rnd, genreCentre[a % genres], 0.1);
        }
        List<Track> list = new ArrayList<>();
        for (int i = 0; i < tracks; i++) {
            if (i > 10 && rnd.nextInt(15) == 0) {
                Track orig = list.get(rnd.nextInt(list.size()));
                list.add(new Track("t" + i, orig.name() + " - Remastered", orig.artists(), new AlbumRef("alr" + i, "Best of"),
                        orig.durationMs(), orig.explicit(), rnd.nextInt(101), orig.genres(), orig.features()));
                continue;
            }
            int primary = rnd.nextInt(artists);
            List<ArtistRef> as = new ArrayList<>();
            as.add(new ArtistRef("a" + primary, "Artist " + primary));
            if (rnd.nextInt(6) == 0) {
                int feat = rnd.nextInt(artists);
                if (feat != primary) {
                    as.add(new ArtistRef("a" + feat, "Artist " + feat));
                }
            }
            Set<String> gs = new HashSet<>();
            gs.add("g" + (primary % genres));
            if (rnd.nextInt(5) == 0) {
                gs.add("g" + rnd.nextInt(genres));
            }
            list.add(new Track("t" + i, "Song " + i, as, new AlbumRef("al" + (i % 50), "Album"),
                    120_000 + rnd.nextInt(200) * 1000, rnd.nextInt(5) == 0, rnd.nextInt(101), gs,
                    features(rnd, artistCentre[primary])));
        }
        return new CatalogBuilder().addAll(list).build();
    }

    private static double[] centre(Random rnd, double[] around, double spread) {
        double[] c = new double[9];
        for (int k = 0; k < c.length; k++) {
            c[k] = around == null ? 0.1 + 0.8 * rnd.nextDouble() : clip(around[k] + spread * rnd.nextGaussian());
        }
        return c;
    }

    private static AudioFeatures features(Random rnd, double[] centre) {
        double[] v = centre(rnd, centre, 0.08);
        return new AudioFeatures(v[0], v[1], v[2], v[3], v[4], v[5], v[6], rnd.nextInt(13) - 1, rnd.nextInt(2),
                -30 + 30 * v[8], 60 + 140 * v[7], 4);
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    /** A track with the given features; genres and artists by id (names derived). */
    static Track track(String id, String artist, Set<String> genres, boolean explicit, int popularity, double energy,
                       double valence, double acousticness, double tempo, int key, int mode) {
        return new Track(id, "Song " + id, List.of(new ArtistRef(artist, "Artist " + artist)), new AlbumRef("al-" + id, "Album"),
                200_000, explicit, popularity, genres,
                new AudioFeatures(acousticness, 0.5, energy, 0.1, 0.1, 0.05, valence, key, mode, -8, tempo, 4));
    }

    static TargetBuilder target() {
        return new TargetBuilder();
    }

    /** Builds a {@link MoodTarget}: no targets, any genre, nothing excluded, explicit allowed, 20 tracks, PEAK. */
    static final class TargetBuilder {
        private final Map<Attribute, Double> targets = new HashMap<>();
        private final Map<Attribute, MoodTarget.Range> ranges = new HashMap<>();
        private final Set<String> genres = new LinkedHashSet<>();
        private final Set<String> excludedGenres = new LinkedHashSet<>();
        private final List<String> artists = new ArrayList<>();
        private final Set<String> excludedArtists = new LinkedHashSet<>();
        private final List<String> tracks = new ArrayList<>();
        private boolean explicit = true;
        private int length = 20;
        private Arc arc = Arc.PEAK;

        TargetBuilder set(Attribute a, double v) {
            targets.put(a, v);
            return this;
        }

        TargetBuilder range(Attribute a, double min, double max) {
            ranges.put(a, new MoodTarget.Range(min, max));
            return this;
        }

        TargetBuilder genre(String... g) {
            genres.addAll(List.of(g));
            return this;
        }

        TargetBuilder excludeGenre(String... g) {
            excludedGenres.addAll(List.of(g));
            return this;
        }

        TargetBuilder artist(String... a) {
            artists.addAll(List.of(a));
            return this;
        }

        TargetBuilder excludeArtist(String... a) {
            excludedArtists.addAll(List.of(a));
            return this;
        }

        TargetBuilder track(String... t) {
            tracks.addAll(List.of(t));
            return this;
        }

        TargetBuilder noExplicit() {
            explicit = false;
            return this;
        }

        TargetBuilder length(int n) {
            length = n;
            return this;
        }

        TargetBuilder arc(Arc a) {
            arc = a;
            return this;
        }

        MoodTarget build() {
            return new MoodTarget(targets, ranges, genres, excludedGenres, artists, excludedArtists, tracks, explicit, length, arc);
        }
    }
}
