package dev.mixtape.algo.cf;

/**
 * Settings of {@link MostPopularTrainer}.
 *
 * @param weighted false (default): an item's popularity is the number of users who have it;
 *     true: the sum of its values (total plays, say)
 */
public record MostPopularConfig(boolean weighted) {
    public static MostPopularConfig defaults() {
        return new MostPopularConfig(false);
    }

    public MostPopularConfig withWeighted(boolean value) {
        return new MostPopularConfig(value);
    }
}
