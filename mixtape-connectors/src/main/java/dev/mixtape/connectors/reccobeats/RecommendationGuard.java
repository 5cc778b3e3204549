package dev.mixtape.connectors.reccobeats;

import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * Guardrails around ReccoBeats recommendation calls. A query is checked and repaired before it is sent
 * ({@link RecommendationQuery#check}). When the service rejects it permanently, the guard remembers the
 * combination for 24 hours ({@link DenyList}) and walks the fallback ladder, one call per step:
 * <ol>
 *   <li>drop the negative seeds, when the rejection was about them (a ratio error);</li>
 *   <li>reduce the negatives to a safe ratio (at most {@code maxNegatives(positives) − 1}, i.e. one fewer);</li>
 *   <li>cut the seeds to 3;</li>
 *   <li>remove all negatives.</li>
 * </ol>
 * A step whose combination is denied is skipped without a call (fail fast, no retry loops on requests that
 * cannot succeed); a step equal to one already tried is skipped. Transient failures (429, 5xx, timeouts) are
 * not this class's business: they propagate to the retry decorator. Thread-safe.
 */
public final class RecommendationGuard {
    /** A rejection from the service. {@code permanent}: retrying the same request cannot succeed (4xx other than 429). */
    public static final class Rejected extends RuntimeException {
        private final int status;
        private final boolean aboutNegatives;

        public Rejected(int status, String message, boolean aboutNegatives) {
            super(message);
            this.status = status;
            this.aboutNegatives = aboutNegatives;
        }

        public int status() {
            return status;
        }

        public boolean permanent() {
            return status >= 400 && status < 500 && status != 429;
        }

        public boolean aboutNegatives() {
            return aboutNegatives;
        }
    }

    /** The remote call. */
    @FunctionalInterface
    public interface Call<T> {
        T send(RecommendationQuery q);
    }

    /** What was sent in the end, the answer, and every step taken (for logs and the caller's metadata). */
    public record Outcome<T>(RecommendationQuery sent, T answer, List<String> steps) {}

    private final DenyList denied;

    public RecommendationGuard(DenyList denied) {
        this.denied = denied;
    }

    public <T> Outcome<T> recommend(RecommendationQuery query, Call<T> call) {
        RecommendationQuery.Checked checked = RecommendationQuery.check(query);
        List<String> steps = new ArrayList<>(checked.repairs());
        RecommendationQuery q = checked.query();
        Rejected last = null;
        List<String> tried = new ArrayList<>();
        for (int step = 0; step < 5; step++) {
            RecommendationQuery next = step == 0 ? q : fallback(step, q, last);
            if (next == null) {
                continue;
            }
            String combination = next.combination();
            if (tried.contains(combination)) {
                continue;
            }
            tried.add(combination);
            java.util.Optional<DenyList.Denial> denial = denied.denial(combination);
            if (denial.isPresent()) {
                // the ladder goes on as if the service had just said it again
                steps.add("skipped " + describe(next) + ": failed permanently within the last 24 h (" + denial.get().why() + ")");
                last = new Rejected(400, denial.get().why(), denial.get().aboutNegatives());
                continue;
            }
            try {
                T answer = call.send(next);
                if (step > 0) {
                    steps.add("answered by " + describe(next));
                }
                return new Outcome<>(next, answer, List.copyOf(steps));
            } catch (Rejected r) {
                if (!r.permanent()) {
                    throw r;
                }
                denied.deny(combination, r.getMessage(), r.aboutNegatives());
                steps.add(describe(next) + " rejected (" + r.status() + " " + r.getMessage() + ")");
                last = r;
            }
        }
        throw new InvalidRequestException("ReccoBeats rejected every fallback of this request: " + String.join("; ", steps));
    }

    /** Step 1–4 of the ladder from the checked query, or null when the step does not apply. */
    private static RecommendationQuery fallback(int step, RecommendationQuery q, Rejected last) {
        List<String> neg = q.negativeSeeds();
        return switch (step) {
            case 1 -> last != null && last.aboutNegatives() && !neg.isEmpty() ? q.withNegatives(List.of()) : null;
            case 2 -> neg.isEmpty() ? null
                    : q.withNegatives(neg.subList(0, Math.max(0, Math.min(neg.size(), RecommendationQuery.maxNegatives(q.seeds().size())) - 1)));
            case 3 -> q.seeds().size() <= 3 ? null : q.withSeeds(q.seeds().subList(0, 3)).withNegatives(
                    neg.subList(0, Math.min(neg.size(), RecommendationQuery.maxNegatives(3))));
            case 4 -> q.withSeeds(q.seeds().subList(0, Math.min(3, q.seeds().size()))).withNegatives(List.of());
            default -> null;
        };
    }

    private static String describe(RecommendationQuery q) {
        return q.seeds().size() + " seeds, " + q.negativeSeeds().size() + " negatives";
    }
}
