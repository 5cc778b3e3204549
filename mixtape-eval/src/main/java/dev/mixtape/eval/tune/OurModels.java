package dev.mixtape.eval.tune;

import dev.mixtape.algo.cf.EaseConfig;
import dev.mixtape.algo.cf.EaseTrainer;
import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.cf.MostPopularConfig;
import dev.mixtape.algo.cf.MostPopularTrainer;
import dev.mixtape.algo.cf.Rp3betaConfig;
import dev.mixtape.algo.cf.Rp3betaTrainer;
import dev.mixtape.algo.cf.Trainer;
import dev.mixtape.core.InvalidRequestException;
import java.util.List;
import java.util.Map;

/**
 * Our collaborative-filtering models as the evaluation trains them, in one place for {@code ./mixtape eval}
 * and the peer comparison: the documented defaults, the search spaces of tuning, iALS on binarised plays.
 */
public final class OurModels {
    private OurModels() {}

    public static final List<String> NAMES = List.of("pop", "itemknn", "rp3beta", "ials", "ease");

    /** What tuning searches, per model (pop has nothing to tune); search in parameter-name order, so runs reproduce. */
    public static final Map<String, Map<String, List<?>>> SPACES = Map.of(
            "pop", Map.of(),
            "itemknn", Map.of("neighbours", List.of(50, 100, 200, 400), "shrink", List.of(0.0, 10.0, 50.0, 100.0)),
            "rp3beta", Map.of("alpha", List.of(0.5, 0.75, 1.0), "beta", List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5),
                    "neighbours", List.of(100, 200, 400)),
            "ials", Map.of("regularization", List.of(1.0, 10.0, 50.0, 100.0, 300.0), "alpha", List.of(5.0, 10.0, 20.0, 40.0)),
            "ease", Map.of("lambda", List.of(50.0, 100.0, 200.0, 500.0, 1000.0)));

    /**
     * The trainer of {@code model}: its documented defaults with {@code overrides} (names as in {@link #SPACES})
     * applied; {@code params} receives the resulting config for the report.
     */
    public static Trainer<?> trainer(String model, Map<String, Object> overrides, Map<String, Object> params) {
        params.putAll(overrides);
        return switch (model) {
            case "pop" -> {
                MostPopularConfig c = MostPopularConfig.defaults();
                params.put("config", c.toString());
                yield new MostPopularTrainer(c);
            }
            case "itemknn" -> {
                ItemKnnConfig c = ItemKnnConfig.defaults();
                if (overrides.get("neighbours") instanceof Integer v) {
                    c = c.withNeighbours(v);
                }
                if (overrides.get("shrink") instanceof Double v) {
                    c = c.withShrink(v);
                }
                params.put("config", c.toString());
                yield new ItemKnnTrainer(c);
            }
            case "rp3beta" -> {
                Rp3betaConfig c = Rp3betaConfig.defaults();
                if (overrides.get("alpha") instanceof Double v) {
                    c = c.withAlpha(v);
                }
                if (overrides.get("beta") instanceof Double v) {
                    c = c.withBeta(v);
                }
                if (overrides.get("neighbours") instanceof Integer v) {
                    c = c.withNeighbours(v);
                }
                params.put("config", c.toString());
                yield new Rp3betaTrainer(c);
            }
            case "ials" -> {
                ImplicitAlsConfig c = ImplicitAlsConfig.defaults();
                if (overrides.get("regularization") instanceof Double v) {
                    c = c.withRegularization(v);
                }
                if (overrides.get("alpha") instanceof Double v) {
                    c = c.withAlpha(v);
                }
                params.put("config", c.toString());
                params.put("input", "binarised");
                // The split keeps play counts; confidence 1 + 40·count would drown the signal in heavy users.
                ImplicitAlsTrainer als = new ImplicitAlsTrainer(c);
                yield (Trainer<?>) m -> als.train(m.binarised());
            }
            case "ease" -> {
                EaseConfig c = EaseConfig.defaults();
                if (overrides.get("lambda") instanceof Double v) {
                    c = c.withLambda(v);
                }
                params.put("config", c.toString());
                yield new EaseTrainer(c);
            }
            default -> throw new InvalidRequestException("unknown model '" + model + "' (known: " + String.join(", ", NAMES) + ")");
        };
    }
}
