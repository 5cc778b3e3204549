package dev.mixtape.algo.listener;

import java.time.Duration;
import java.time.Instant;

/**
 * How long a listener has been with us, which sets how picks are blended (counted from the earlier of
 * account creation and first event):
 * <ul>
 *   <li>{@code week-1} (days 0–6): 80% personality, 20% popular;</li>
 *   <li>{@code weeks-2-4} (days 7–27): 60% personality, 40% history;</li>
 *   <li>{@code established} (day 28 on, "month 2"): the configured blend, by default 40% history, 40%
 *       personality, 10% diversity, 10% novelty.</li>
 * </ul>
 */
public enum ColdStartStage {
    WEEK_1("week-1"), WEEKS_2_4("weeks-2-4"), ESTABLISHED("established");

    private final String wireName;

    ColdStartStage(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static ColdStartStage of(Instant since, Instant now) {
        long days = Duration.between(since, now).toDays();
        return days < 7 ? WEEK_1 : days < 28 ? WEEKS_2_4 : ESTABLISHED;
    }
}
