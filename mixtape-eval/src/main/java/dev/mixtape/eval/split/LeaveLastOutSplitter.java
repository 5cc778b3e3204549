package dev.mixtape.eval.split;

import dev.mixtape.eval.data.InteractionData;
import java.util.Map;

/**
 * Temporal leave-last-out: binarise (weight &gt; 0 ⇒ positive; a repeated pair takes its latest
 * time), then for each user with at least {@code minItems} positives the most recent one goes to
 * test and the rest to training; users with fewer stay entirely in training. Ties in time go to
 * the item whose external id sorts last, so the split is deterministic. Needs timestamps.
 *
 * <p>Immutable and thread-safe.
 */
public final class LeaveLastOutSplitter implements Splitter {
    public static final String PROTOCOL = "leave-last-out";

    private final int minItems;

    /** @param minItems users with fewer positives stay in training (at least 2; DESIGN uses 5) */
    public LeaveLastOutSplitter(int minItems) {
        if (minItems < 2) {
            throw new IllegalArgumentException("minItems must be at least 2 (one to train, one to test), got " + minItems);
        }
        this.minItems = minItems;
    }

    @Override
    public Split split(InteractionData data) {
        if (!data.hasTimestamps()) {
            throw new IllegalArgumentException("dataset " + data.name()
                    + " has no timestamps: leave-last-out needs them (use the per-user holdout)");
        }
        Positives pos = Positives.of(data);
        int[] itemRank = HoldoutSplitter.ranksByExternalId(data.items());
        SplitAssembler out = new SplitAssembler(data, pos);
        for (int u = 0; u < data.users().size(); u++) {
            int from = pos.ptr[u];
            int to = pos.ptr[u + 1];
            int last = -1;
            if (to - from >= minItems) {
                last = from;
                for (int k = from + 1; k < to; k++) {
                    if (pos.time[k] > pos.time[last]
                            || pos.time[k] == pos.time[last] && itemRank[pos.items[k]] > itemRank[pos.items[last]]) {
                        last = k;
                    }
                }
            }
            for (int k = from; k < to; k++) {
                if (k == last) {
                    out.toTest(u, k);
                } else {
                    out.toTrain(u, k);
                }
            }
        }
        return out.build(PROTOCOL, 0, Map.of("min_items", minItems));
    }
}
