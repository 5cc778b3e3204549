package dev.mixtape.eval.tune;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Every point of the space, in index order (at most {@link #MAX_POINTS}). */
public final class GridSearch implements SearchStrategy {
    public static final long MAX_POINTS = 100_000;

    @Override
    public List<Map<String, Object>> candidates(ParamSpace space) {
        long n = space.size();
        if (n > MAX_POINTS) {
            throw new IllegalArgumentException("the grid has " + n + " points, more than " + MAX_POINTS + "; use RandomSearch");
        }
        List<Map<String, Object>> out = new ArrayList<>((int) n);
        for (long i = 0; i < n; i++) {
            out.add(space.point(i));
        }
        return out;
    }
}
