package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.core.listener.Listener;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class AutoBanditTest {
    static final List<String> ARMS = List.of("collaborative", "content", "contextual", "hybrid", "popularity");

    static StrategyRequest morningListener() {
        UserContext c = new UserContext(ZonedDateTime.of(2026, 6, 3, 8, 0, 0, 0, ZoneOffset.UTC), null, null, null, false);
        ListenerState l = new ListenerState(new Listener("u", Instant.parse("2026-01-01T00:00:00Z"), null, 40), List.of(), null);
        return new StrategyRequest(-1, l, 20, c, Set.of(), Filters.NONE, Map.of(), 1);
    }

    @Test
    void requestsAreGroupedBySeedAndContext() {
        assertThat(AutoBandit.kind(morningListener())).isEqualTo("listener/morning");
        UserContext noon = new UserContext(ZonedDateTime.of(2026, 6, 3, 14, 0, 0, 0, ZoneOffset.UTC), null, "running", null, false);
        assertThat(AutoBandit.kind(new StrategyRequest(3, null, 5, noon, Set.of(), Filters.NONE, Map.of(), 1))).isEqualTo("track/energetic");
        UserContext explore = new UserContext(ZonedDateTime.of(2026, 6, 3, 14, 0, 0, 0, ZoneOffset.UTC), null, null, null, true);
        ListenerState fresh = new ListenerState(new Listener("n", Instant.parse("2026-06-01T00:00:00Z"), null, 3), List.of(), null);
        assertThat(AutoBandit.kind(new StrategyRequest(-1, fresh, 5, explore, Set.of(), Filters.NONE, Map.of(), 1))).isEqualTo("new-listener/exploring");
    }

    @Test
    void withoutEvidenceTheRuleServesUnlessExploring() {
        AutoBandit b = AutoBandit.empty(0);
        for (long seed = 0; seed < 50; seed++) {
            AutoBandit.Choice c = b.choose(morningListener(), ARMS, seed);
            assertThat(c.strategy()).isEqualTo("contextual");
            assertThat(c.rule()).isEqualTo("contextual");
            assertThat(c.explored()).isFalse();
            assertThat(c.reason()).startsWith("morning");
        }
    }

    @Test
    void anArmThatDidBetterReplacesTheRuleAndSaysWhy() {
        Map<String, AutoBandit.Counts> arms = new HashMap<>();
        arms.put("contextual", new AutoBandit.Counts(40, 2000, 200)); // 10%
        arms.put("collaborative", new AutoBandit.Counts(20, 1000, 160)); // 16%
        arms.put("popularity", new AutoBandit.Counts(2, 100, 18)); // 18% of few: not enough against the prior
        AutoBandit b = new AutoBandit(Map.of("listener/morning", arms), 0);
        AutoBandit.Choice c = b.choose(morningListener(), ARMS, 1);
        assertThat(c.strategy()).isEqualTo("collaborative");
        assertThat(c.reason()).contains("collaborative 16.0% of 1000 tracks over 20 answers").contains("rule's contextual");
        assertThat(b.posteriorMean("listener/morning", "popularity", "contextual"))
                .isLessThan(b.posteriorMean("listener/morning", "collaborative", "contextual"));
        // evidence of another kind does not count here
        AutoBandit other = new AutoBandit(Map.of("listener/day", arms), 0);
        assertThat(other.choose(morningListener(), ARMS, 1).strategy()).isEqualTo("contextual");
    }

    @Test
    void theRuleKeepsItsPlaceOnATie() {
        Map<String, AutoBandit.Counts> arms = Map.of("contextual", new AutoBandit.Counts(10, 500, 50), "hybrid", new AutoBandit.Counts(10, 500, 50));
        AutoBandit.Choice c = new AutoBandit(Map.of("listener/morning", arms), 0).choose(morningListener(), ARMS, 1);
        assertThat(c.strategy()).isEqualTo("contextual");
        assertThat(c.reason()).contains("kept by outcomes");
    }

    @Test
    void exploresTheConfiguredShareReproduciblyAndTriesUntriedArmsFirst() {
        Map<String, AutoBandit.Counts> arms = new HashMap<>();
        for (String a : List.of("collaborative", "content", "contextual", "hybrid")) {
            arms.put(a, new AutoBandit.Counts(100, 5000, 250)); // 5%, well known
        }
        AutoBandit b = new AutoBandit(Map.of("listener/morning", arms), 0.2);
        int explored = 0;
        int untried = 0;
        for (long seed = 0; seed < 2000; seed++) {
            AutoBandit.Choice c = b.choose(morningListener(), ARMS, seed);
            assertThat(b.choose(morningListener(), ARMS, seed)).isEqualTo(c);
            if (c.explored()) {
                explored++;
                untried += c.strategy().equals("popularity") ? 1 : 0;
            } else {
                assertThat(c.strategy()).isEqualTo("contextual");
            }
        }
        assertThat(explored).isBetween(340, 460);
        assertThat(untried).isGreaterThan(explored * 9 / 10);
    }

    @Test
    void exploresOnlyOnceTheKindHasOutcomes() {
        // no outcomes anywhere: every answer is the rule's, whatever the draw
        AutoBandit none = AutoBandit.empty(0.5);
        for (long seed = 0; seed < 500; seed++) {
            AutoBandit.Choice c = none.choose(morningListener(), ARMS, seed);
            assertThat(c.explored()).isFalse();
            assertThat(c.strategy()).isEqualTo("contextual");
        }
        // outcomes for another kind do not open exploration for this one; outcomes for the rule's own answers do
        AutoBandit other = new AutoBandit(Map.of("track/evening", Map.of("content", new AutoBandit.Counts(3, 60, 2))), 0.5);
        assertThat(java.util.stream.LongStream.range(0, 500).mapToObj(s -> other.choose(morningListener(), ARMS, s))
                .noneMatch(AutoBandit.Choice::explored)).isTrue();
        AutoBandit own = new AutoBandit(Map.of("listener/morning", Map.of("contextual", new AutoBandit.Counts(3, 60, 2))), 0.5);
        assertThat(java.util.stream.LongStream.range(0, 500).mapToObj(s -> own.choose(morningListener(), ARMS, s))
                .filter(AutoBandit.Choice::explored).count()).isBetween(200L, 300L);
    }

    @Test
    void onlyArmsThatCanServeAreChosen() {
        AutoBandit.Choice c = AutoBandit.empty(0).choose(morningListener(), List.of("hybrid", "popularity"), 3);
        assertThat(c.strategy()).isEqualTo("hybrid");
        assertThatThrownBy(() -> AutoBandit.empty(0).choose(morningListener(), List.of(), 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AutoBandit.empty(1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void betaDrawsHaveTheRightMean() {
        SplittableRandom rnd = new SplittableRandom(5);
        double sum = 0;
        for (int i = 0; i < 20_000; i++) {
            double x = AutoBandit.beta(rnd, 3, 7);
            assertThat(x).isBetween(0.0, 1.0);
            sum += x;
        }
        assertThat(sum / 20_000).isCloseTo(0.3, org.assertj.core.data.Offset.offset(0.01));
    }
}
