package dev.mixtape.eval.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A table between external ids (strings as they appear in the files) and dense indices
 * {@code 0 .. size()-1}, in the order the ids were first added.
 *
 * <p>Immutable and thread-safe once built; {@link Builder} is not thread-safe.
 */
public final class IdIndex {
    private final List<String> ids;
    private final Map<String, Integer> index;

    private IdIndex(List<String> ids, Map<String, Integer> index) {
        this.ids = ids;
        this.index = index;
    }

    /**
     * An index over {@code ids} in their order.
     *
     * @throws IllegalArgumentException naming the first id that is null, blank or repeated
     */
    public static IdIndex of(List<String> ids) {
        Builder b = new Builder();
        for (int i = 0; i < ids.size(); i++) {
            String id = ids.get(i);
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("id at position " + i + " is blank");
            }
            if (b.add(id) != i) {
                throw new IllegalArgumentException("id '" + id + "' appears twice (positions " + b.index.get(id) + " and " + i + ")");
            }
        }
        return b.build();
    }

    public int size() {
        return ids.size();
    }

    /** The external id of {@code index}. */
    public String id(int index) {
        return ids.get(index);
    }

    /** The dense index of {@code id}, or -1 when unknown. */
    public int index(String id) {
        Integer i = index.get(id);
        return i == null ? -1 : i;
    }

    /** The external ids, by index (unmodifiable). */
    public List<String> ids() {
        return ids;
    }

    /** Assigns indices to ids in the order they are first seen. */
    public static final class Builder {
        private final List<String> ids = new ArrayList<>();
        private final Map<String, Integer> index = new HashMap<>();

        /** The index of {@code id}, assigning the next one when it is new. */
        public int add(String id) {
            Integer i = index.putIfAbsent(id, ids.size());
            if (i != null) {
                return i;
            }
            ids.add(id);
            return ids.size() - 1;
        }

        /** The index of {@code id}, or -1 when it has not been added. */
        public int index(String id) {
            Integer i = index.get(id);
            return i == null ? -1 : i;
        }

        public int size() {
            return ids.size();
        }

        public IdIndex build() {
            return new IdIndex(Collections.unmodifiableList(new ArrayList<>(ids)), new HashMap<>(index));
        }
    }
}
