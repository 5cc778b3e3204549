package dev.mixtape.algo.playlist;

import dev.mixtape.core.Attribute;

/**
 * How smoothly one track leads into the next, 0–1: {@value #TEMPO_WEIGHT} × tempo + {@value #KEY_WEIGHT}
 * × key + {@value #ENERGY_WEIGHT} × energy, where
 * <ul>
 *   <li>tempo: {@code max(0, 1 − Δ / }{@value #TEMPO_TOLERANCE}{@code )} with Δ the smallest of
 *       |a − b|, |2a − b| and |a − 2b| BPM (half- and double-time mix as well as the same tempo);</li>
 *   <li>key: harmonic compatibility on the Camelot wheel — {@value #SAME_KEY} for the same key,
 *       {@value #NEIGHBOUR} for the relative major/minor or one step round the wheel (a fifth),
 *       {@value #DIAGONAL} one step and the other mode, {@value #TWO_STEPS} two steps in the same mode,
 *       {@value #CLASH} otherwise, and {@value #UNKNOWN} when either key is unknown (-1);</li>
 *   <li>energy: {@code max(0, 1 − |Δ energy| / }{@value #ENERGY_TOLERANCE}{@code )}.</li>
 * </ul>
 * Stateless; thread-safe.
 */
public final class Transitions {
    static final float TEMPO_WEIGHT = 0.4f;
    static final float KEY_WEIGHT = 0.35f;
    static final float ENERGY_WEIGHT = 0.25f;
    static final float TEMPO_TOLERANCE = 30f;
    static final float ENERGY_TOLERANCE = 0.3f;
    static final float SAME_KEY = 1f;
    static final float NEIGHBOUR = 0.9f;
    static final float DIAGONAL = 0.6f;
    static final float TWO_STEPS = 0.5f;
    static final float CLASH = 0.2f;
    static final float UNKNOWN = 0.5f;
    private static final int W = Attribute.count();
    private static final int KEY = Attribute.KEY.ordinal();
    private static final int MODE = Attribute.MODE.ordinal();
    private static final int TEMPO = Attribute.TEMPO.ordinal();
    private static final int ENERGY = Attribute.ENERGY.ordinal();

    private Transitions() {}

    /** The Camelot number (1–12) of a key (pitch class 0–11, C = 0) in a mode (1 major, 0 minor); 0 when unknown. */
    public static int camelot(int key, int mode) {
        if (key < 0 || key > 11) {
            return 0;
        }
        // a fifth up (+7 semitones) is one step round the wheel; C major is 8B, A minor 8A
        return Math.floorMod(7 * key + (mode == 1 ? 7 : 4), 12) + 1;
    }

    /** Harmonic compatibility of two keys, 0–1 (see the class comment). */
    public static float keyCompatibility(int key1, int mode1, int key2, int mode2) {
        int c1 = camelot(key1, mode1);
        int c2 = camelot(key2, mode2);
        if (c1 == 0 || c2 == 0) {
            return UNKNOWN;
        }
        int d = Math.abs(c1 - c2);
        d = Math.min(d, 12 - d);
        boolean sameMode = mode1 == mode2;
        if (d == 0) {
            return sameMode ? SAME_KEY : NEIGHBOUR;
        }
        if (d == 1) {
            return sameMode ? NEIGHBOUR : DIAGONAL;
        }
        if (d == 2 && sameMode) {
            return TWO_STEPS;
        }
        return CLASH;
    }

    public static float tempoSmoothness(float a, float b) {
        float d = Math.min(Math.abs(a - b), Math.min(Math.abs(2 * a - b), Math.abs(a - 2 * b)));
        return Math.max(0f, 1f - d / TEMPO_TOLERANCE);
    }

    public static float energySmoothness(float a, float b) {
        return Math.max(0f, 1f - Math.abs(a - b) / ENERGY_TOLERANCE);
    }

    /** Smoothness of track {@code a} into track {@code b}, from row-major attribute values ({@code FeatureSpace.attributeRows()}). */
    public static float smoothness(float[] rows, int a, int b) {
        int oa = a * W;
        int ob = b * W;
        return TEMPO_WEIGHT * tempoSmoothness(rows[oa + TEMPO], rows[ob + TEMPO])
                + KEY_WEIGHT * keyCompatibility((int) rows[oa + KEY], (int) rows[oa + MODE], (int) rows[ob + KEY], (int) rows[ob + MODE])
                + ENERGY_WEIGHT * energySmoothness(rows[oa + ENERGY], rows[ob + ENERGY]);
    }
}
