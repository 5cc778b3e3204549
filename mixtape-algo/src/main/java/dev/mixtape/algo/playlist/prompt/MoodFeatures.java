package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.Attribute;
import java.util.List;

/**
 * The eight attributes a prompt can steer, in the fixed order used by every {@code double[]} of this
 * package (effects, calibrated centroids, spreads), with the bounds a target is clamped to.
 */
public final class MoodFeatures {
    private MoodFeatures() {}

    public static final int VALENCE = 0;
    public static final int ENERGY = 1;
    public static final int DANCEABILITY = 2;
    public static final int ACOUSTICNESS = 3;
    public static final int INSTRUMENTALNESS = 4;
    public static final int SPEECHINESS = 5;
    public static final int TEMPO = 6;
    public static final int LOUDNESS = 7;
    public static final int COUNT = 8;

    private static final Attribute[] ATTRIBUTES = {
        Attribute.VALENCE, Attribute.ENERGY, Attribute.DANCEABILITY, Attribute.ACOUSTICNESS,
        Attribute.INSTRUMENTALNESS, Attribute.SPEECHINESS, Attribute.TEMPO, Attribute.LOUDNESS};
    /** Targets are clamped to these: the attribute's range, narrowed for tempo and loudness to music people play. */
    private static final double[] LOW = {0, 0, 0, 0, 0, 0, 50, -35};
    private static final double[] HIGH = {1, 1, 1, 1, 1, 1, 200, -2};
    /** Difference below which an effect is not worth showing (and about one rounding step of it). */
    private static final double[] SHOWN = {0.01, 0.01, 0.01, 0.01, 0.01, 0.01, 1, 0.5};
    /** An effect at least this large counts as a real wish when two phrases pull opposite ways. */
    private static final double[] CONFLICT = {0.1, 0.1, 0.1, 0.1, 0.1, 0.1, 8, 2.5};

    public static Attribute attribute(int f) {
        return ATTRIBUTES[f];
    }

    public static List<Attribute> attributes() {
        return List.of(ATTRIBUTES);
    }

    /** Index of an attribute in the order above, or -1 when prompts do not steer it. */
    public static int indexOf(Attribute a) {
        for (int f = 0; f < COUNT; f++) {
            if (ATTRIBUTES[f] == a) {
                return f;
            }
        }
        return -1;
    }

    public static String name(int f) {
        return ATTRIBUTES[f].wireName();
    }

    public static double clamp(int f, double v) {
        return Math.max(LOW[f], Math.min(HIGH[f], v));
    }

    public static double low(int f) {
        return LOW[f];
    }

    public static double high(int f) {
        return HIGH[f];
    }

    static double shown(int f) {
        return SHOWN[f];
    }

    static double conflictThreshold(int f) {
        return CONFLICT[f];
    }

    /** A signed difference for people: {@code "+0.21"}, {@code "-15 BPM"}, {@code "-4.5 dB"}. */
    static String formatDelta(int f, double d) {
        String sign = d >= 0 ? "+" : "-";
        double a = Math.abs(d);
        return switch (f) {
            case TEMPO -> sign + Math.round(a) + " BPM";
            case LOUDNESS -> sign + String.format(java.util.Locale.ROOT, "%.1f", a) + " dB";
            default -> sign + String.format(java.util.Locale.ROOT, "%.2f", a);
        };
    }

    /** A value for people: {@code "0.42"}, {@code "118 BPM"}, {@code "-9.5 dB"}. */
    static String formatValue(int f, double v) {
        return switch (f) {
            case TEMPO -> Math.round(v) + " BPM";
            case LOUDNESS -> String.format(java.util.Locale.ROOT, "%.1f", v) + " dB";
            default -> String.format(java.util.Locale.ROOT, "%.2f", v);
        };
    }
}
