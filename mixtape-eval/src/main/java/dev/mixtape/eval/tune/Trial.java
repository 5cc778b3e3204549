package dev.mixtape.eval.tune;

import dev.mixtape.eval.ModelResult;
import java.util.Map;

/**
 * One tried point: its parameters and either the evaluation on the validation split or, when the
 * factory or training rejected the point, the error message (then {@code result} is null and
 * {@code value} NaN).
 */
public record Trial(Map<String, Object> params, ModelResult result, double value, String error) {
    public boolean failed() {
        return error != null;
    }
}
