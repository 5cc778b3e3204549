package dev.mixtape.app.server;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns the query string of {@code GET /v1/recommendations} into a {@link SeedQuery}, with Spotify's
 * parameters: {@code seed_artists}, {@code seed_genres}, {@code seed_tracks}, {@code limit},
 * {@code market} (accepted, not used: mixtape has one market) and {@code min_X}/{@code max_X}/{@code target_X}
 * for the 14 attributes of {@link Attribute}; plus mixtape's {@code max_per_artist}. A parameter that
 * looks like a tunable one but names no attribute (say {@code target_energi}) is rejected rather
 * than silently ignored. Other unknown parameters are ignored, as Spotify does.
 */
public final class RecommendationParams {
    private RecommendationParams() {}

    public static SeedQuery parse(QueryParams p, int defaultMaxPerArtist) {
        List<String> tracks = p.ids("seed_tracks", "track", SeedQuery.MAX_SEEDS, false);
        List<String> artists = p.ids("seed_artists", "artist", SeedQuery.MAX_SEEDS, false);
        List<String> genres = p.list("seed_genres").stream().map(g -> g.toLowerCase(Locale.ROOT)).toList();
        int limit = p.integer("limit", SeedQuery.DEFAULT_LIMIT, 1, SeedQuery.MAX_LIMIT);
        int maxPerArtist = p.integer("max_per_artist", defaultMaxPerArtist, 1, SeedQuery.MAX_LIMIT);
        double[] min = none(Double.NEGATIVE_INFINITY);
        double[] max = none(Double.POSITIVE_INFINITY);
        double[] target = none(Double.NaN);
        for (String name : p.all().keySet()) {
            double[] into;
            String attr;
            if (name.startsWith("min_")) {
                into = min;
                attr = name.substring(4);
            } else if (name.startsWith("max_") && !name.equals("max_per_artist")) {
                into = max;
                attr = name.substring(4);
            } else if (name.startsWith("target_")) {
                into = target;
                attr = name.substring(7);
            } else {
                continue;
            }
            Attribute a = Attribute.fromWireName(attr);
            if (a == null) {
                throw new InvalidRequestException("unknown parameter " + name + ": '" + attr
                        + "' is not a tunable attribute (one of " + names() + ")");
            }
            into[a.ordinal()] = value(p, name, a);
        }
        return new SeedQuery(tracks, artists, genres, limit, min, max, target, maxPerArtist);
    }

    private static double value(QueryParams p, String name, Attribute a) {
        String v = p.single(name);
        try {
            double d = Double.parseDouble(v);
            if (a.accepts(d)) {
                return d;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // reported below
        }
        throw new InvalidRequestException(name + " must be " + a.describeRange() + ", got '" + v + "'");
    }

    private static double[] none(double v) {
        double[] out = new double[Attribute.count()];
        Arrays.fill(out, v);
        return out;
    }

    private static String names() {
        return String.join(", ", Arrays.stream(Attribute.values()).map(Attribute::wireName).toList());
    }
}
