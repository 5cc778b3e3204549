package dev.mixtape.eval.data;

import java.util.Arrays;

/**
 * A set of tag ids per dense item index (sorted, distinct), for intra-list diversity: the distance
 * of two items is the Jaccard distance of their tag sets. Items without tags have an empty set.
 *
 * <p>Immutable and thread-safe.
 */
public final class ItemTags {
    private static final int[] NONE = new int[0];
    private final int[][] tags;

    /** Takes one tag-id array per item (any order, repeats allowed); null means no tags. */
    public ItemTags(int[][] tags) {
        this.tags = new int[tags.length][];
        for (int i = 0; i < tags.length; i++) {
            this.tags[i] = tags[i] == null ? NONE : Arrays.stream(tags[i]).sorted().distinct().toArray();
        }
    }

    /** Number of items covered (the item index range). */
    public int items() {
        return tags.length;
    }

    /** The sorted tag ids of {@code item}; empty when it has none or is out of range. Do not modify. */
    public int[] tags(int item) {
        return item >= 0 && item < tags.length ? tags[item] : NONE;
    }

    public boolean hasTags(int item) {
        return tags(item).length > 0;
    }

    /** Number of items with at least one tag. */
    public int taggedItems() {
        int n = 0;
        for (int[] t : tags) {
            if (t.length > 0) {
                n++;
            }
        }
        return n;
    }

    /**
     * {@code 1 - |A ∩ B| / |A ∪ B|} of the two items' tag sets; NaN when either has no tags (the
     * distance is unknown, not maximal).
     */
    public double jaccardDistance(int a, int b) {
        int[] x = tags(a);
        int[] y = tags(b);
        if (x.length == 0 || y.length == 0) {
            return Double.NaN;
        }
        int i = 0;
        int j = 0;
        int common = 0;
        while (i < x.length && j < y.length) {
            if (x[i] < y[j]) {
                i++;
            } else if (x[i] > y[j]) {
                j++;
            } else {
                common++;
                i++;
                j++;
            }
        }
        return 1.0 - (double) common / (x.length + y.length - common);
    }

    /**
     * The same tags re-indexed for another item table ({@code to}, a split's items, say): item
     * {@code to.index(id)} gets the tags {@code from.index(id)} had; items unknown to {@code from}
     * get none.
     */
    public ItemTags realign(IdIndex from, IdIndex to) {
        int[][] out = new int[to.size()][];
        for (int i = 0; i < to.size(); i++) {
            int f = from.index(to.id(i));
            out[i] = f >= 0 ? tags(f) : NONE;
        }
        return new ItemTags(out);
    }
}
