package dev.mixtape.peers;

import dev.mixtape.eval.split.Split;
import java.util.List;
import java.util.Map;

/**
 * A recommender from a peer library, run on a {@link Split} read from split files: it trains on
 * {@code split.train()} (timed: data conversion into the library's structures and training, not
 * the ranking) and ranks all items for every test user, training items excluded.
 */
public interface Peer {
    /** Name in reports, {@code <library>-<algorithm>}. */
    String name();

    /** What the tuner searches (parameter name → candidates); empty when nothing is tuned. */
    Map<String, List<?>> space();

    /**
     * Trains with {@code params} (names as in {@link #space()}; missing ones take the peer's
     * documented defaults) and returns the top {@code n} of every test user of {@code split}.
     */
    PeerRun run(Split split, Map<String, Object> params, int n) throws Exception;
}
