package dev.mixtape.algo.playlist.prompt;

/**
 * The four labelled moods of the calibration data ({@code mood-spotify-data-moods}), each with the
 * axis its label is about: Happy and Sad are chosen for valence, Energetic and Calm for energy.
 */
public enum Mood {
    HAPPY("Happy", MoodFeatures.VALENCE),
    SAD("Sad", MoodFeatures.VALENCE),
    ENERGETIC("Energetic", MoodFeatures.ENERGY),
    CALM("Calm", MoodFeatures.ENERGY);

    private final String label;
    private final int definingAxis;

    Mood(String label, int definingAxis) {
        this.label = label;
        this.definingAxis = definingAxis;
    }

    /** The label as written in the dataset's {@code mood} column. */
    public String label() {
        return label;
    }

    /** {@link MoodFeatures#VALENCE} or {@link MoodFeatures#ENERGY}: what the label says about a track. */
    public int definingAxis() {
        return definingAxis;
    }

    /** The other of valence and energy. */
    public int otherAxis() {
        return definingAxis == MoodFeatures.VALENCE ? MoodFeatures.ENERGY : MoodFeatures.VALENCE;
    }
}
