package dev.mixtape.app.learn;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * Fits a blend's weights on validation listeners by coordinate search: from the starting point, each parameter in turn
 * is set to every value of its grid with the others held, and the best value is kept when it beats the current point by
 * more than {@link #MIN_GAIN} (smaller gains are within the noise of a few hundred listeners); passes repeat until one
 * changes nothing or {@code maxPasses} are done. Every point is scored once (memoised). Not thread-safe.
 */
final class BlendFit {
    /** A move must raise the objective by more than this. */
    static final double MIN_GAIN = 0.002;

    record Param(String name, double[] grid) {}

    record Trial(Map<String, Double> point, double score) {}

    record Result(Map<String, Double> start, double startScore, Map<String, Double> best, double bestScore, List<Trial> trials,
                  int passes) {}

    private BlendFit() {}

    static Result coordinate(Map<String, Double> start, List<Param> params, ToDoubleFunction<Map<String, Double>> objective,
                             int maxPasses) {
        Map<Map<String, Double>, Double> seen = new LinkedHashMap<>();
        ToDoubleFunction<Map<String, Double>> score = p -> seen.computeIfAbsent(new TreeMap<>(p), objective::applyAsDouble);
        Map<String, Double> best = new LinkedHashMap<>(start);
        double bestScore = score.applyAsDouble(best);
        double startScore = bestScore;
        int passes = 0;
        boolean moved = true;
        while (moved && passes < maxPasses) {
            moved = false;
            passes++;
            for (Param p : params) {
                Map<String, Double> passBest = best;
                double passScore = bestScore;
                for (double v : p.grid()) {
                    Map<String, Double> x = new LinkedHashMap<>(best);
                    x.put(p.name(), v);
                    double s = score.applyAsDouble(x);
                    if (s > passScore + MIN_GAIN) {
                        passScore = s;
                        passBest = x;
                    }
                }
                if (passBest != best) {
                    best = passBest;
                    bestScore = passScore;
                    moved = true;
                }
            }
        }
        List<Trial> trials = new ArrayList<>();
        for (Map.Entry<Map<String, Double>, Double> e : seen.entrySet()) {
            trials.add(new Trial(e.getKey(), e.getValue()));
        }
        return new Result(new TreeMap<>(start), startScore, new TreeMap<>(best), bestScore, trials, passes);
    }
}
