package dev.mixtape.core;

import java.util.Locale;

/**
 * The 14 tunable track attributes of Spotify's {@code /v1/recommendations}, with the range a value
 * must fall in (checked on import and on every query parameter) and the scale used to turn a
 * difference into a 0–1 distance when ranking by {@code target_*}.
 *
 * <p>Ranges follow the Web API reference where it gives one. Where real data falls outside it, the
 * range is widened to keep real rows: {@code key} allows -1 (no key detected) and
 * {@code time_signature} allows 0–11 (the Spotify Tracks dataset has 0 and 1 in 1,136 rows).
 */
public enum Attribute {
    ACOUSTICNESS(0, 1, false, 1),
    DANCEABILITY(0, 1, false, 1),
    ENERGY(0, 1, false, 1),
    INSTRUMENTALNESS(0, 1, false, 1),
    LIVENESS(0, 1, false, 1),
    SPEECHINESS(0, 1, false, 1),
    VALENCE(0, 1, false, 1),
    KEY(-1, 11, true, 11),
    MODE(0, 1, true, 1),
    POPULARITY(0, 100, true, 100),
    DURATION_MS(0, 86_400_000, true, 600_000),
    TIME_SIGNATURE(0, 11, true, 7),
    LOUDNESS(-60, 10, false, 60),
    TEMPO(0, 300, false, 200);

    private static final Attribute[] VALUES = values();

    private final double min;
    private final double max;
    private final boolean integer;
    private final double scale;
    private final String wireName;

    Attribute(double min, double max, boolean integer, double scale) {
        this.min = min;
        this.max = max;
        this.integer = integer;
        this.scale = scale;
        this.wireName = name().toLowerCase(Locale.ROOT);
    }

    /** The name used on the wire, e.g. {@code duration_ms}. */
    public String wireName() {
        return wireName;
    }

    public double min() {
        return min;
    }

    public double max() {
        return max;
    }

    public boolean isInteger() {
        return integer;
    }

    /** Difference that counts as distance 1 when comparing a value to a target. */
    public double scale() {
        return scale;
    }

    public boolean accepts(double value) {
        return !Double.isNaN(value) && value >= min && value <= max && (!integer || value == Math.rint(value));
    }

    /** A human-readable description of the accepted values, for error messages. */
    public String describeRange() {
        return (integer ? "an integer" : "a number") + " from " + fmt(min) + " to " + fmt(max);
    }

    public static Attribute fromWireName(String name) {
        for (Attribute a : VALUES) {
            if (a.wireName.equals(name)) {
                return a;
            }
        }
        return null;
    }

    public static int count() {
        return VALUES.length;
    }

    public static Attribute of(int ordinal) {
        return VALUES[ordinal];
    }

    private static String fmt(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
