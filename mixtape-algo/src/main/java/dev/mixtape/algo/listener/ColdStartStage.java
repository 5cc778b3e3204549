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
 * A listener's history can move them on sooner ({@link #of(Instant, Instant, long)}): {@value #EVENTS_WEEKS_2_4} events
 * count as weeks 2–4 and {@value #EVENTS_ESTABLISHED} as established, whatever the account's age, since what they did
 * says more than the calendar (a listener who imports a year of plays on day one is not a newcomer).
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

    public static final int EVENTS_WEEKS_2_4 = 5;
    public static final int EVENTS_ESTABLISHED = 20;

    /** The later of the stage by account age and the stage by stored events. */
    public static ColdStartStage of(Instant since, Instant now, long events) {
        ColdStartStage byAge = of(since, now);
        ColdStartStage byData = events >= EVENTS_ESTABLISHED ? ESTABLISHED : events >= EVENTS_WEEKS_2_4 ? WEEKS_2_4 : WEEK_1;
        return byAge.ordinal() >= byData.ordinal() ? byAge : byData;
    }

    /** The stage by account age alone (the S-B stages). */
    public static ColdStartStage of(Instant since, Instant now) {
        long days = Duration.between(since, now).toDays();
        return days < 7 ? WEEK_1 : days < 28 ? WEEKS_2_4 : ESTABLISHED;
    }
}
