package dev.mixtape.algo.strategy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Strategy {@code auto} as a bandit over the strategies, one per kind of request ({@link #kind}), rewarded by what
 * listeners did with its answers.
 *
 * <p>An arm's evidence is its answers of that kind that got at least one outcome event (an event naming the answer's
 * {@code recommendation_id}): the tracks they showed, and how many of those were liked, saved or played for 30 s or
 * more. Its rate is positives per track shown. Answers nobody reported on are not evidence (the client may not report
 * outcomes at all).
 *
 * <p>Choice: the arm with the highest posterior mean {@code (positives + K·prior) / (shown + K)}, where the prior is the
 * kind's pooled rate, the rule {@link AutoSelector} would apply gets {@value #RULE_BONUS}× that, and K is
 * {@value #PRIOR_ANSWERS} answers' worth of tracks — so with no evidence the rule serves, and an arm replaces it once its
 * own tracks did better over a few answers. Once the kind has outcomes (from the rule's answers at first), a share
 * {@code explore} of the answers (by a seeded draw, so a request's choice is reproducible) instead serves the arm with
 * the highest Thompson sample from Beta(1 + positives, 1 + shown − positives): arms never tried are tried first, and
 * exploration narrows to the arms still in doubt. Immutable; a new snapshot replaces it when the counts change.
 */
public final class AutoBandit {
    /**
     * Strength of the prior, in answers: an arm's own rate counts as much as the prior once it has this many answers
     * with outcomes (in tracks: this many times the kind's mean tracks per answer, {@value #DEFAULT_TRACKS} without evidence).
     */
    public static final double PRIOR_ANSWERS = 10;
    static final double DEFAULT_TRACKS = 20;
    /** The rule's arm starts at this multiple of the kind's pooled rate. */
    public static final double RULE_BONUS = 1.2;
    public static final double DEFAULT_EXPLORE = 0.1;

    /** One arm's evidence: answers with outcomes, tracks they showed, positive tracks. */
    public record Counts(long answers, long shown, long positive) {
        public Counts {
            if (answers < 0 || shown < 0 || positive < 0) {
                throw new IllegalArgumentException("negative counts");
            }
        }

        public double rate() {
            return shown == 0 ? 0 : Math.min(1.0, (double) positive / shown);
        }
    }

    /** What auto chose and why; {@code explored} when the exploration draw chose it. */
    public record Choice(String strategy, String reason, String kind, String rule, boolean explored) {}

    private static final Counts NONE = new Counts(0, 0, 0);

    private final Map<String, Map<String, Counts>> byKind;
    private final double explore;

    /** @param byKind per kind, per strategy: its evidence (kinds and arms without any may be missing) */
    public AutoBandit(Map<String, Map<String, Counts>> byKind, double explore) {
        if (!(explore >= 0 && explore <= 1)) {
            throw new IllegalArgumentException("explore must be from 0 to 1, got " + explore);
        }
        Map<String, Map<String, Counts>> copy = new LinkedHashMap<>();
        byKind.forEach((k, v) -> copy.put(k, Map.copyOf(v)));
        this.byKind = Map.copyOf(copy);
        this.explore = explore;
    }

    public static AutoBandit empty(double explore) {
        return new AutoBandit(Map.of(), explore);
    }

    public double explore() {
        return explore;
    }

    public Map<String, Map<String, Counts>> counts() {
        return byKind;
    }

    /**
     * The kind of a request, as the bandit keeps its evidence: what it is seeded by ({@code track}, {@code listener}
     * with at least {@value AutoSelector#ENOUGH_INTERACTIONS} interactions, {@code new-listener}, {@code anonymous}) and
     * its context ({@code exploring}, {@code energetic}, {@code morning}, {@code evening}, or the other day parts as
     * {@code day}).
     */
    public static String kind(StrategyRequest r) {
        String seed = r.hasTrack() ? "track"
                : r.hasListener() ? (r.listener().interactions() >= AutoSelector.ENOUGH_INTERACTIONS ? "listener" : "new-listener")
                : "anonymous";
        UserContext c = r.context();
        String context;
        if (c.exploring()) {
            context = "exploring";
        } else if (c.energetic()) {
            context = "energetic";
        } else {
            UserContext.DayPart part = c.dayPart();
            context = part == UserContext.DayPart.MORNING || part == UserContext.DayPart.EVENING ? part.wireName() : "day";
        }
        return seed + "/" + context;
    }

    /** The kind's evidence over every arm together. */
    private Counts total(String kind) {
        long answers = 0;
        long shown = 0;
        long positive = 0;
        for (Counts c : byKind.getOrDefault(kind, Map.of()).values()) {
            answers += c.answers();
            shown += c.shown();
            positive += c.positive();
        }
        return new Counts(answers, shown, positive);
    }

    /** The kind's pooled rate over every arm (0 with no evidence). */
    public double pooledRate(String kind) {
        return total(kind).rate();
    }

    /** The prior's strength in tracks for the kind: {@value #PRIOR_ANSWERS} answers of its mean size. */
    public double priorTracks(String kind) {
        Counts t = total(kind);
        return PRIOR_ANSWERS * (t.answers() == 0 || t.shown() == 0 ? DEFAULT_TRACKS : (double) t.shown() / t.answers());
    }

    /** The arm's posterior mean for the kind, the rule's arm with its bonus. */
    public double posteriorMean(String kind, String arm, String rule) {
        Counts c = byKind.getOrDefault(kind, Map.of()).getOrDefault(arm, NONE);
        double prior = pooledRate(kind) * (arm.equals(rule) ? RULE_BONUS : 1.0);
        double k = priorTracks(kind);
        return (c.positive() + k * prior) / (c.shown() + k);
    }

    /**
     * Chooses among {@code arms} (the strategies that can serve the request; never empty) for the request.
     *
     * @param seed the request's draw: the same seed and counts give the same choice
     */
    public Choice choose(StrategyRequest r, List<String> arms, long seed) {
        if (arms.isEmpty()) {
            throw new IllegalArgumentException("no arm can serve the request");
        }
        AutoSelector.Choice ruled = AutoSelector.choose(r);
        String rule = ruled.strategy();
        String kind = kind(r);
        Map<String, Counts> counts = byKind.getOrDefault(kind, Map.of());
        SplittableRandom rnd = new SplittableRandom(seed);
        // exploring needs outcomes to learn from: until this kind of request has some, the rule serves every answer (a
        // client that never reports outcomes would pay for exploration and teach nothing)
        boolean reported = counts.values().stream().anyMatch(c -> c.shown() > 0);
        if (rnd.nextDouble() < explore && reported) {
            String best = null;
            double bestDraw = -1;
            for (String a : arms) {
                Counts c = counts.getOrDefault(a, NONE);
                double draw = beta(rnd, 1 + c.positive(), 1 + Math.max(0, c.shown() - c.positive()));
                if (draw > bestDraw) {
                    bestDraw = draw;
                    best = a;
                }
            }
            Counts c = counts.getOrDefault(best, NONE);
            return new Choice(best, "exploring for " + kind + " requests (a share " + explore + " of auto's answers try the arm "
                    + "a Thompson draw favours; " + best + ": " + evidence(c) + ")", kind, rule, true);
        }
        String best = arms.contains(rule) ? rule : arms.get(0);
        double bestMean = posteriorMean(kind, best, rule);
        for (String a : arms) {
            double m = posteriorMean(kind, a, rule);
            if (m > bestMean) {
                bestMean = m;
                best = a;
            }
        }
        Counts c = counts.getOrDefault(best, NONE);
        if (best.equals(rule)) {
            return new Choice(best, ruled.reason() + (c.shown() == 0 ? "" : "; kept by outcomes for " + kind + " requests ("
                    + evidence(c) + ")"), kind, rule, false);
        }
        return new Choice(best, "outcomes for " + kind + " requests: " + best + " " + evidence(c) + ", ahead of the rule's "
                + rule + " (" + ruled.reason() + "; " + evidence(counts.getOrDefault(rule, NONE)) + ")", kind, rule, false);
    }

    private static String evidence(Counts c) {
        if (c.shown() == 0) {
            return "no outcomes yet";
        }
        return String.format(java.util.Locale.ROOT, "%.1f%% of %d tracks over %d answers liked, saved or played",
                100 * c.rate(), c.shown(), c.answers());
    }

    /** A draw from Beta(a, b), a, b ≥ 1, as X / (X + Y) of two Gamma draws. */
    static double beta(SplittableRandom rnd, double a, double b) {
        double x = gamma(rnd, a);
        double y = gamma(rnd, b);
        return x / (x + y);
    }

    /** Marsaglia and Tsang's method, shape ≥ 1. */
    private static double gamma(SplittableRandom rnd, double shape) {
        double d = shape - 1.0 / 3;
        double c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x;
            double v;
            do {
                x = normal(rnd);
                v = 1 + c * x;
            } while (v <= 0);
            v = v * v * v;
            double u = rnd.nextDouble();
            if (u < 1 - 0.0331 * x * x * x * x || Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) {
                return d * v;
            }
        }
    }

    private static double normal(SplittableRandom rnd) {
        // Box–Muller; u1 in (0, 1]
        double u1 = 1 - rnd.nextDouble();
        double u2 = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }
}
