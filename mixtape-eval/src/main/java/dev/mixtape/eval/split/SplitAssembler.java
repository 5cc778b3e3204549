package dev.mixtape.eval.split;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.eval.data.Growable;
import dev.mixtape.eval.data.InteractionData;
import java.util.Map;

/**
 * Sends each positive to the training or the test side and builds the {@link Split}. Positives
 * must be sent user by user in ascending item order, so timestamps line up with the matrices' CSR
 * order. Not thread-safe.
 */
final class SplitAssembler {
    private final InteractionData data;
    private final Positives pos;
    private final Side train = new Side();
    private final Side test = new Side();

    SplitAssembler(InteractionData data, Positives pos) {
        this.data = data;
        this.pos = pos;
    }

    void toTrain(int user, int k) {
        train.add(user, k);
    }

    void toTest(int user, int k) {
        test.add(user, k);
    }

    Split build(String protocol, long seed, Map<String, Object> params) {
        int users = data.users().size();
        int items = data.items().size();
        return new Split(data.name(), protocol, seed, params, data.users(), data.items(),
                InteractionMatrix.of(users, items, train.user.toArray(), train.item.toArray(), train.weight.toArray()),
                pos.time == null ? null : train.time.toArray(),
                InteractionMatrix.of(users, items, test.user.toArray(), test.item.toArray(), test.weight.toArray()),
                pos.time == null ? null : test.time.toArray());
    }

    private final class Side {
        final Growable.Ints user = new Growable.Ints();
        final Growable.Ints item = new Growable.Ints();
        final Growable.Floats weight = new Growable.Floats();
        final Growable.Longs time = new Growable.Longs();

        void add(int u, int k) {
            user.add(u);
            item.add(pos.items[k]);
            weight.add(pos.weight[k]);
            if (pos.time != null) {
                time.add(pos.time[k]);
            }
        }
    }
}
