package dev.mixtape.peers;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one peer run hands back: ranked lists by user index (best first; null for users without a
 * list), the training time it measured, and the configuration it really ran with (its own keys).
 */
public record PeerRun(int[][] lists, long trainMs, Map<String, Object> config) {
    public PeerRun {
        config = Collections.unmodifiableMap(new LinkedHashMap<>(config));
    }
}
