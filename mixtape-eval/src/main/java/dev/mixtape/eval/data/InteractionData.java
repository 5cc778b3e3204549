package dev.mixtape.eval.data;

/**
 * Interactions as read from a file: parallel arrays of (user, item, weight[, time]) rows over dense
 * indices, with the id tables that map them back to external ids, and the malformed lines the
 * reader skipped. Rows keep file order; a (user, item) pair may repeat (listening events, say).
 *
 * <p>{@code time} is null when the source has no timestamps; otherwise it holds epoch
 * milliseconds per row. The arrays are shared, not copied: treat them as read-only. Thread-safe
 * when not modified.
 *
 * @param name     dataset name, as recorded in split manifests (e.g. {@code lastfm-2k})
 * @param users    user id table; every user index in {@code user} is below {@code users.size()}
 * @param items    item id table; may list items that have no row (the catalog)
 */
public record InteractionData(String name, IdIndex users, IdIndex items, int[] user, int[] item, float[] weight,
                              long[] time, ReadProblems problems) {
    public InteractionData {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("dataset name must not be blank");
        }
        if (user.length != item.length || user.length != weight.length || (time != null && time.length != user.length)) {
            throw new IllegalArgumentException("row arrays differ in length: user " + user.length + ", item " + item.length
                    + ", weight " + weight.length + (time == null ? "" : ", time " + time.length));
        }
        for (int k = 0; k < user.length; k++) {
            if (user[k] < 0 || user[k] >= users.size()) {
                throw new IllegalArgumentException("row " + k + ": user index " + user[k] + " out of range [0, " + users.size() + ")");
            }
            if (item[k] < 0 || item[k] >= items.size()) {
                throw new IllegalArgumentException("row " + k + ": item index " + item[k] + " out of range [0, " + items.size() + ")");
            }
        }
        if (problems == null) {
            problems = new ReadProblems().freeze();
        }
    }

    /** Number of rows. */
    public int size() {
        return user.length;
    }

    public boolean hasTimestamps() {
        return time != null;
    }

    /** Number of rows with a weight above 0 (positives before duplicate pairs are merged). */
    public int positiveRows() {
        int n = 0;
        for (float w : weight) {
            if (w > 0) {
                n++;
            }
        }
        return n;
    }
}
