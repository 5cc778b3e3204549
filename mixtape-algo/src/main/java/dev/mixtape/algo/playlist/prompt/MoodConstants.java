package dev.mixtape.algo.playlist.prompt;

/**
 * The calibrated mood model, committed as constants so nothing is read at request time. Columns in
 * {@link MoodFeatures} order: valence, energy, danceability, acousticness, instrumentalness,
 * speechiness, tempo (BPM), loudness (dB); rows in {@link Mood} order.
 *
 * <p>Derived by {@link MoodCalibration} (method in its Javadoc and docs/PROMPTS.md) from
 * {@code mood-spotify-data-moods/data_moods.csv} (686 tracks: Happy 140, Sad 197, Energetic 154,
 * Calm 195) and {@code mood-deezer-valence-arousal} joined to {@code spotify-tracks-114k} on folded
 * artist and title (1,193 tracks; Pearson r 0.442 for valence, 0.439 for arousal vs energy).
 * Regenerate with {@code java ... MoodCalibration [dataDir]}; {@code MoodCalibrationIT} fails
 * when these drift from what the data gives.
 */
public final class MoodConstants {
    private MoodConstants() {}

    /** Target of each mood word at intensity 1. */
    static final double[][] CENTROID = {
        /* HAPPY */ {0.5791, 0.7430, 0.5664, 0.2662, 0.2225, 0.0588, 122.20, -9.07},
        /* SAD */ {0.2894, 0.4783, 0.5035, 0.4917, 0.2603, 0.0488, 117.89, -10.72},
        /* ENERGETIC */ {0.4942, 0.8837, 0.5110, 0.2164, 0.1877, 0.0675, 126.12, -7.78},
        /* CALM */ {0.3283, 0.1563, 0.4583, 0.6440, 0.6048, 0.0483, 114.52, -15.91},
    };
    /** Half-width of the soft range around a mood's target. */
    static final double[][] SPREAD = {
        /* HAPPY */ {0.2606, 0.1736, 0.1898, 0.3089, 0.3674, 0.0537, 23.89, 4.66},
        /* SAD */ {0.1973, 0.2812, 0.1606, 0.4102, 0.3657, 0.0431, 30.08, 3.51},
        /* ENERGETIC */ {0.2726, 0.0935, 0.1377, 0.2757, 0.2878, 0.0601, 32.74, 4.74},
        /* CALM */ {0.2877, 0.1373, 0.1841, 0.4412, 0.3633, 0.0187, 37.13, 11.11},
    };
    /** The target when the prompt says nothing about an attribute: the mean of the four moods. */
    static final double[] NEUTRAL = {0.4227, 0.5653, 0.5098, 0.4046, 0.3188, 0.0559, 120.18, -10.87};
    /** Half-width of the range of an attribute the prompt says nothing about: the std over all 686 tracks. */
    static final double[] NEUTRAL_SPREAD = {0.2521, 0.3263, 0.1588, 0.4104, 0.4102, 0.0413, 28.96, 7.46};

    public static double centroid(Mood m, int feature) {
        return CENTROID[m.ordinal()][feature];
    }

    public static double spread(Mood m, int feature) {
        return SPREAD[m.ordinal()][feature];
    }

    public static double neutral(int feature) {
        return NEUTRAL[feature];
    }

    public static double neutralSpread(int feature) {
        return NEUTRAL_SPREAD[feature];
    }
}
