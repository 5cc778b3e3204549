package dev.mixtape.eval.tune;

import java.util.List;
import java.util.Map;

/** Chooses which points of a {@link ParamSpace} to try, in order. Implementations are immutable and thread-safe. */
public interface SearchStrategy {
    List<Map<String, Object>> candidates(ParamSpace space);
}
