package net.librec.recommender;

import net.librec.common.LibrecException;

/**
 * Reaches the protected steps of LibRec's {@link AbstractRecommender} (it lives in LibRec's package
 * for that): {@code setup} and {@code trainModel} separately, so training is timed on its own, and
 * {@code predict(user, item)}, so the full ranking over all items is ours (the same rule as our
 * models) instead of LibRec's {@code recommendRank}, which ranks every user, test user or not.
 */
public final class LibrecAccess {
    private LibrecAccess() {}

    /** {@code recommender.setup()} then {@code trainModel()} on {@code context}'s data and configuration. */
    public static void train(AbstractRecommender recommender, RecommenderContext context) throws LibrecException {
        recommender.setContext(context);
        recommender.setup();
        recommender.trainModel();
    }

    /** The model's score of {@code item} for {@code user} (LibRec's inner indices). */
    public static double predict(AbstractRecommender recommender, int user, int item) throws LibrecException {
        return recommender.predict(user, item);
    }
}
