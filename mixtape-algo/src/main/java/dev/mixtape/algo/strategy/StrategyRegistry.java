package dev.mixtape.algo.strategy;

import dev.mixtape.algo.listener.SessionRecommender;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.core.InvalidRequestException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The strategies by name, built over one catalog's {@link StrategyModels}. Immutable. */
public final class StrategyRegistry {
    public static final String AUTO = "auto";
    private final Map<String, Strategy> byName;

    public StrategyRegistry(StrategyModels m, Map<String, Double> hybridWeights) {
        this(m, hybridWeights, null);
    }

    /** @param sessions what the {@code session} strategy serves; null for a recommender with the default blend over {@code m} */
    public StrategyRegistry(StrategyModels m, Map<String, Double> hybridWeights, SessionRecommender sessions) {
        Map<String, Strategy> s = new LinkedHashMap<>();
        SessionRecommender served = sessions != null ? sessions
                : new SessionRecommender(m.space(), m.personality(), m.songs(), SessionWeights.DEFAULT);
        for (Strategy x : List.of(new ContentStrategy(m), new CollaborativeStrategy(m), new PopularityStrategy(m),
                new ContextualStrategy(m), new ExplorationStrategy(m), new PersonalityStrategy(m), new TempoStrategy(m),
                new SessionStrategy(m, served))) {
            s.put(x.name(), x);
        }
        s.put("hybrid", new HybridStrategy(Map.copyOf(s), hybridWeights, m.catalog()));
        byName = java.util.Collections.unmodifiableMap(s);
    }

    /** Every strategy name, plus {@value #AUTO}. */
    public List<String> names() {
        List<String> n = new java.util.ArrayList<>(byName.keySet());
        n.add(AUTO);
        return n;
    }

    public Map<String, Strategy> all() {
        return byName;
    }

    /** Rejects a name that is neither a strategy nor {@value #AUTO}, with the same message as {@link #get}. */
    public void requireKnown(String name) {
        if (!AUTO.equals(name)) {
            get(name);
        }
    }

    /** The strategy named {@code name}; a 400 listing the valid ones when there is none. */
    public Strategy get(String name) {
        Strategy s = name == null ? null : byName.get(name);
        if (s == null) {
            throw new InvalidRequestException("unknown strategy '" + name + "'; valid: " + String.join(", ", names()));
        }
        return s;
    }
}
