package dev.mixtape.connectors.reccobeats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.connectors.ManualClock;
import dev.mixtape.core.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RecommendationGuardTest {
    static final List<String> FIVE = List.of("s1", "s2", "s3", "s4", "s5");

    /** A fake ReccoBeats: rejects queries matching {@code bad} with a 400, records what it was sent. */
    static final class Fake implements RecommendationGuard.Call<String> {
        final List<RecommendationQuery> sent = new ArrayList<>();
        final Predicate<RecommendationQuery> bad;
        final boolean aboutNegatives;

        Fake(Predicate<RecommendationQuery> bad, boolean aboutNegatives) {
            this.bad = bad;
            this.aboutNegatives = aboutNegatives;
        }

        @Override
        public String send(RecommendationQuery q) {
            sent.add(q);
            if (bad.test(q)) {
                throw new RecommendationGuard.Rejected(400, "bad request", aboutNegatives);
            }
            return "ok:" + q.seeds().size() + "/" + q.negativeSeeds().size();
        }
    }

    static RecommendationQuery query(List<String> seeds, List<String> negatives) {
        return new RecommendationQuery(seeds, negatives, 20, Map.of("energy", 0.7), 3);
    }

    @Test
    void theRatioIsFewerThanHalfThePositives() {
        assertThat(RecommendationQuery.maxNegatives(5)).isEqualTo(2);
        assertThat(RecommendationQuery.maxNegatives(4)).isEqualTo(1);
        assertThat(RecommendationQuery.maxNegatives(3)).isEqualTo(1);
        assertThat(RecommendationQuery.maxNegatives(2)).isZero();
        assertThat(RecommendationQuery.maxNegatives(1)).isZero();
    }

    @Test
    void checkingRejectsTheImpossibleAndRepairsTheRest() {
        assertThatThrownBy(() -> RecommendationQuery.check(query(List.of(), List.of()))).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("1 to 5 seeds");
        assertThatThrownBy(() -> RecommendationQuery.check(query(List.of("a", "b", "c", "d", "e", "f"), List.of())))
                .hasMessageContaining("at most 5 seeds, got 6");
        assertThatThrownBy(() -> RecommendationQuery.check(new RecommendationQuery(FIVE, List.of(), 0, Map.of(), null)))
                .hasMessageContaining("size must be from 1 to 100");
        assertThatThrownBy(() -> RecommendationQuery.check(new RecommendationQuery(FIVE, List.of(), 10, Map.of(), 9)))
                .hasMessageContaining("featureWeight must be from 1 to 5");
        RecommendationQuery.Checked c = RecommendationQuery.check(query(FIVE, List.of("s1", "n1", "n2", "n3", "n4")));
        assertThat(c.query().negativeSeeds()).containsExactly("n1", "n2");
        assertThat(c.repairs()).hasSize(2);
        assertThat(c.query().combination()).isEqualTo(query(List.of("s5", "s4", "s3", "s2", "s1"), List.of("n2", "n1")).combination());
    }

    @Test
    void aGoodQueryIsSentOnce() {
        Fake fake = new Fake(q -> false, false);
        RecommendationGuard.Outcome<String> o = new RecommendationGuard(new DenyList(Clock.systemUTC())).recommend(query(FIVE, List.of("n1")), fake);
        assertThat(o.answer()).isEqualTo("ok:5/1");
        assertThat(fake.sent).hasSize(1);
        assertThat(o.steps()).isEmpty();
    }

    @Test
    void aRatioErrorDropsTheNegativesFirst() {
        Fake fake = new Fake(q -> !q.negativeSeeds().isEmpty(), true);
        RecommendationGuard.Outcome<String> o = new RecommendationGuard(new DenyList(Clock.systemUTC())).recommend(query(FIVE, List.of("n1", "n2")), fake);
        assertThat(o.answer()).isEqualTo("ok:5/0");
        assertThat(fake.sent).hasSize(2);
        assertThat(o.steps()).anyMatch(s -> s.contains("rejected (400")).anyMatch(s -> s.startsWith("answered by 5 seeds, 0 negatives"));
    }

    @Test
    void otherwiseTheLadderReducesNegativesThenCutsSeedsThenRemovesNegatives() {
        // the service accepts only 3 seeds without negatives
        Fake fake = new Fake(q -> !(q.seeds().size() == 3 && q.negativeSeeds().isEmpty()), false);
        RecommendationGuard.Outcome<String> o = new RecommendationGuard(new DenyList(Clock.systemUTC())).recommend(query(FIVE, List.of("n1", "n2")), fake);
        assertThat(o.answer()).isEqualTo("ok:3/0");
        assertThat(fake.sent).extracting(q -> q.seeds().size() + "/" + q.negativeSeeds().size())
                .containsExactly("5/2", "5/1", "3/1", "3/0");
    }

    @Test
    void knownBadCombinationsFailFastForADayWithoutACall() {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-22T00:00:00Z"));
        DenyList deny = new DenyList(clock);
        RecommendationGuard guard = new RecommendationGuard(deny);
        Fake alwaysBad = new Fake(q -> true, false);
        assertThatThrownBy(() -> guard.recommend(query(FIVE, List.of("n1", "n2")), alwaysBad))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("rejected every fallback");
        int calls = alwaysBad.sent.size();
        assertThat(calls).isEqualTo(4); // 5/2, 5/1, 3/1, 3/0
        // within 24 h: nothing is sent again
        assertThatThrownBy(() -> guard.recommend(query(FIVE, List.of("n1", "n2")), alwaysBad)).hasMessageContaining("within the last 24 h");
        assertThat(alwaysBad.sent).hasSize(calls);
        // after 24 h the combinations may be tried again
        clock.now = clock.now.plus(Duration.ofHours(24)).plusSeconds(1);
        Fake good = new Fake(q -> false, false);
        assertThat(guard.recommend(query(FIVE, List.of("n1", "n2")), good).answer()).isEqualTo("ok:5/2");
    }

    @Test
    void transientErrorsAreNotTheGuardsBusiness() {
        RecommendationGuard.Call<String> limited = q -> {
            throw new RecommendationGuard.Rejected(429, "Too Many Requests", false);
        };
        DenyList deny = new DenyList(Clock.systemUTC());
        assertThatThrownBy(() -> new RecommendationGuard(deny).recommend(query(FIVE, List.of()), limited))
                .isInstanceOf(RecommendationGuard.Rejected.class).hasMessage("Too Many Requests");
        assertThat(deny.denied(query(FIVE, List.of()).combination())).isFalse();
    }
}
