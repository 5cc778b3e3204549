package dev.mixtape.algo.content;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.Arrays;
import java.util.List;

/**
 * A seed-based recommendation request, the model of Spotify's {@code /v1/recommendations}:
 * 1–5 seeds in total, a limit of 1–100, and per {@link Attribute} an optional hard minimum and
 * maximum and an optional target ({@code NaN} = none). Arrays are indexed by
 * {@link Attribute#ordinal()} and copied in.
 *
 * @param maxPerArtist the most tracks one (primary) artist may have in the answer; default 3
 */
public record SeedQuery(List<String> seedTracks, List<String> seedArtists, List<String> seedGenres, int limit,
                        double[] min, double[] max, double[] target, int maxPerArtist) {
    public static final int MAX_SEEDS = 5;
    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 20;
    public static final int DEFAULT_MAX_PER_ARTIST = 3;

    public SeedQuery {
        seedTracks = List.copyOf(seedTracks);
        seedArtists = List.copyOf(seedArtists);
        seedGenres = List.copyOf(seedGenres);
        int seeds = seedTracks.size() + seedArtists.size() + seedGenres.size();
        if (seeds == 0) {
            throw new InvalidRequestException("at least one of seed_artists, seed_genres or seed_tracks is required");
        }
        if (seeds > MAX_SEEDS) {
            throw new InvalidRequestException("at most " + MAX_SEEDS + " seeds in total, got " + seeds);
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + MAX_LIMIT + ", got " + limit);
        }
        if (maxPerArtist < 1) {
            throw new InvalidRequestException("max per artist must be positive, got " + maxPerArtist);
        }
        min = fill(min, Double.NEGATIVE_INFINITY);
        max = fill(max, Double.POSITIVE_INFINITY);
        target = fill(target, Double.NaN);
        for (Attribute a : Attribute.values()) {
            int i = a.ordinal();
            if (min[i] > max[i]) {
                throw new InvalidRequestException("min_" + a.wireName() + " (" + min[i] + ") is greater than max_"
                        + a.wireName() + " (" + max[i] + ")");
            }
        }
    }

    /** A query with seeds and limit only. */
    public static SeedQuery of(List<String> tracks, List<String> artists, List<String> genres, int limit) {
        return new SeedQuery(tracks, artists, genres, limit, null, null, null, DEFAULT_MAX_PER_ARTIST);
    }

    public boolean hasTargets() {
        for (double t : target) {
            if (!Double.isNaN(t)) {
                return true;
            }
        }
        return false;
    }

    private static double[] fill(double[] values, double none) {
        double[] out = new double[Attribute.count()];
        Arrays.fill(out, none);
        if (values != null) {
            if (values.length != out.length) {
                throw new IllegalArgumentException("expected " + out.length + " values, got " + values.length);
            }
            System.arraycopy(values, 0, out, 0, out.length);
        }
        return out;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SeedQuery q && seedTracks.equals(q.seedTracks) && seedArtists.equals(q.seedArtists)
                && seedGenres.equals(q.seedGenres) && limit == q.limit && Arrays.equals(min, q.min)
                && Arrays.equals(max, q.max) && Arrays.equals(target, q.target) && maxPerArtist == q.maxPerArtist;
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(seedTracks, seedArtists, seedGenres, limit, Arrays.hashCode(min),
                Arrays.hashCode(max), Arrays.hashCode(target), maxPerArtist);
    }

    @Override
    public String toString() {
        return "SeedQuery[tracks=" + seedTracks + ", artists=" + seedArtists + ", genres=" + seedGenres
                + ", limit=" + limit + "]";
    }
}
