package dev.mixtape.algo.cf;

import java.util.Arrays;

/**
 * Scoring shared by the item-to-item models (item-kNN, RP3beta): a user's score vector is the sum,
 * over the items in the user's history, of that item's row of an item × item weight matrix, scaled by
 * the item's value (1 when the model binarises). Stateless; thread-safe.
 */
final class ItemItemScoring {
    private ItemItemScoring() {}

    /** Scores for training user {@code user} of {@code interactions}. */
    static void score(InteractionMatrix interactions, SparseItemMatrix rows, int user, float[] out) {
        Checks.user(user, interactions.users());
        Checks.out(out, interactions.items());
        Arrays.fill(out, 0, interactions.items(), 0f);
        int[] ptr = interactions.userPtr();
        int[] its = interactions.userItems();
        float[] vals = interactions.userValues();
        for (int k = ptr[user]; k < ptr[user + 1]; k++) {
            rows.addRow(its[k], vals[k], out);
        }
    }

    /** Scores for any history: item indices and their values, read as 1 when {@code binarise}. */
    static void scoreHistory(SparseItemMatrix rows, int items, boolean binarise, int[] history, float[] values, float[] out) {
        Checks.out(out, items);
        Arrays.fill(out, 0, items, 0f);
        for (int k = 0; k < history.length; k++) {
            Checks.item(history[k], items);
            rows.addRow(history[k], binarise ? 1f : values[k], out);
        }
    }
}
