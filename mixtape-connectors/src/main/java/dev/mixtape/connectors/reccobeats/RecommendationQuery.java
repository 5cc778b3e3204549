package dev.mixtape.connectors.reccobeats;

import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A ReccoBeats track recommendation request ({@code GET /v1/track/recommendation}): positive seeds (1–5),
 * negative seeds, size (1–100), single-value feature targets and {@code featureWeight} (1–5).
 */
public record RecommendationQuery(List<String> seeds, List<String> negativeSeeds, int size, Map<String, Double> features,
                                  Integer featureWeight) {
    public static final int MAX_SEEDS = 5;
    public static final int MAX_SIZE = 100;

    public RecommendationQuery {
        seeds = List.copyOf(new LinkedHashSet<>(seeds));
        negativeSeeds = List.copyOf(new LinkedHashSet<>(negativeSeeds));
        features = Map.copyOf(new TreeMap<>(features));
    }

    /** At most this many negative seeds: fewer than half the positives (5 → 2, 3 or 4 → 1, 1 or 2 → 0). */
    public static int maxNegatives(int positives) {
        return (positives + 1) / 2 - 1;
    }

    /**
     * The query as it may be sent: rejects what can never succeed (no seeds, more than 5, a size or feature weight
     * out of range), and quietly repairs the rest — negatives that repeat a positive are dropped, then negatives
     * beyond the ratio are trimmed (the last ones first). Returns the repaired query and what was repaired.
     */
    public static Checked check(RecommendationQuery q) {
        if (q.seeds().isEmpty()) {
            throw new InvalidRequestException("ReccoBeats needs 1 to " + MAX_SEEDS + " seeds, got none");
        }
        if (q.seeds().size() > MAX_SEEDS) {
            throw new InvalidRequestException("ReccoBeats takes at most " + MAX_SEEDS + " seeds, got " + q.seeds().size());
        }
        if (q.size() < 1 || q.size() > MAX_SIZE) {
            throw new InvalidRequestException("ReccoBeats size must be from 1 to " + MAX_SIZE + ", got " + q.size());
        }
        if (q.featureWeight() != null && (q.featureWeight() < 1 || q.featureWeight() > 5)) {
            throw new InvalidRequestException("ReccoBeats featureWeight must be from 1 to 5, got " + q.featureWeight());
        }
        List<String> notes = new ArrayList<>();
        List<String> negatives = new ArrayList<>(q.negativeSeeds());
        if (negatives.removeAll(q.seeds())) {
            notes.add("dropped negative seeds that are also positive seeds");
        }
        int max = maxNegatives(q.seeds().size());
        if (negatives.size() > max) {
            notes.add("trimmed negative seeds from " + negatives.size() + " to " + max + " (fewer than half of " + q.seeds().size()
                    + " positives)");
            negatives = new ArrayList<>(negatives.subList(0, max));
        }
        return new Checked(new RecommendationQuery(q.seeds(), negatives, q.size(), q.features(), q.featureWeight()), List.copyOf(notes));
    }

    public record Checked(RecommendationQuery query, List<String> repairs) {}

    /** The combination that identifies a query for the deny list: seeds and negatives, order-free. */
    public String combination() {
        return String.join(",", new java.util.TreeSet<>(seeds)) + "|-" + String.join(",", new java.util.TreeSet<>(negativeSeeds));
    }

    RecommendationQuery withNegatives(List<String> negatives) {
        return new RecommendationQuery(seeds, negatives, size, features, featureWeight);
    }

    RecommendationQuery withSeeds(List<String> newSeeds) {
        return new RecommendationQuery(newSeeds, negativeSeeds, size, features, featureWeight);
    }
}
