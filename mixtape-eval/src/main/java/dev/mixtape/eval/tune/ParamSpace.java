package dev.mixtape.eval.tune;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid of hyper-parameter values: each parameter name with the values to try, in order. A point
 * is a {@code Map<String, Object>} with one value per parameter; points are numbered 0 ..
 * {@link #size()}−1 with the first parameter varying slowest.
 *
 * <p>Immutable and thread-safe.
 */
public final class ParamSpace {
    private final Map<String, List<Object>> values;

    private ParamSpace(Map<String, List<Object>> values) {
        this.values = values;
    }

    /**
     * @throws IllegalArgumentException when a parameter has no values, or there are none
     */
    public static ParamSpace of(Map<String, ? extends List<?>> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a parameter space needs at least one parameter");
        }
        Map<String, List<Object>> copy = new LinkedHashMap<>();
        for (Map.Entry<String, ? extends List<?>> e : values.entrySet()) {
            if (e.getValue() == null || e.getValue().isEmpty()) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' has no values to try");
            }
            copy.put(e.getKey(), List.copyOf(e.getValue()));
        }
        return new ParamSpace(Collections.unmodifiableMap(copy));
    }

    public static Builder builder() {
        return new Builder();
    }

    public Map<String, List<Object>> values() {
        return values;
    }

    /** Number of points (saturates at {@code Long.MAX_VALUE}). */
    public long size() {
        long n = 1;
        for (List<Object> v : values.values()) {
            n = n > Long.MAX_VALUE / v.size() ? Long.MAX_VALUE : n * v.size();
        }
        return n;
    }

    /** Point number {@code index} (first parameter varies slowest). */
    public Map<String, Object> point(long index) {
        if (index < 0 || index >= size()) {
            throw new IndexOutOfBoundsException("point " + index + " outside [0, " + size() + ")");
        }
        List<String> names = new ArrayList<>(values.keySet());
        Object[] chosen = new Object[names.size()];
        long rest = index;
        for (int p = names.size() - 1; p >= 0; p--) {
            List<Object> v = values.get(names.get(p));
            chosen[p] = v.get((int) (rest % v.size()));
            rest /= v.size();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (int p = 0; p < names.size(); p++) {
            out.put(names.get(p), chosen[p]);
        }
        return Collections.unmodifiableMap(out);
    }

    /** Adds parameters in order. Not thread-safe. */
    public static final class Builder {
        private final Map<String, List<?>> values = new LinkedHashMap<>();

        public Builder add(String name, Object... candidates) {
            values.put(name, List.of(candidates));
            return this;
        }

        public ParamSpace build() {
            return of(values);
        }
    }
}
