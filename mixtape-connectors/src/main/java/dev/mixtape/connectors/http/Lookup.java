package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * Objects of a remote API by id (tracks, artists, audio features), as the API's JSON. The decorators
 * ({@link CachingLookup}, {@link InFlightLookup}, {@link BatchingLookup}) each add one concern; ids that do not
 * exist are absent from the answer. Implementations are thread-safe.
 */
@FunctionalInterface
public interface Lookup {
    /** The objects of {@code ids} that exist, keyed by the id asked for, in request order. */
    Map<String, JsonNode> get(List<String> ids);

    /**
     * Some batches of a lookup failed: the ids that were found before are in {@link #partial()}, so that callers
     * above can keep them; the cause is the first batch's failure.
     */
    final class PartialFailure extends RuntimeException {
        private final transient Map<String, JsonNode> partial;
        private final List<String> failed;

        public PartialFailure(Map<String, JsonNode> partial, List<String> failed, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.partial = Map.copyOf(partial);
            this.failed = List.copyOf(failed);
        }

        public Map<String, JsonNode> partial() {
            return partial;
        }

        /** The ids whose batch failed. */
        public List<String> failed() {
            return failed;
        }

        /** The underlying failure (HTTP status, transport, malformed answer). */
        public RuntimeException reason() {
            return (RuntimeException) getCause();
        }
    }
}
