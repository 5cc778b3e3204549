package dev.mixtape.algo.strategy;

/**
 * Strategy {@code auto}, first rule that applies:
 * <ol>
 *   <li>the listener is exploring → {@code exploration};</li>
 *   <li>an energetic mood or activity → {@code tempo};</li>
 *   <li>morning or evening (local time) → {@code contextual};</li>
 *   <li>a listener with at least {@value #ENOUGH_INTERACTIONS} events → {@code collaborative};</li>
 *   <li>otherwise → {@code hybrid}.</li>
 * </ol>
 */
public final class AutoSelector {
    public static final int ENOUGH_INTERACTIONS = 20;

    private AutoSelector() {}

    public record Choice(String strategy, String reason) {}

    public static Choice choose(StrategyRequest r) {
        UserContext c = r.context();
        if (c.exploring()) {
            return new Choice("exploration", "the listener is exploring");
        }
        if (c.energetic()) {
            return new Choice("tempo", "energetic " + (c.activity() != null ? "activity '" + c.activity() + "'" : "mood '" + c.mood() + "'"));
        }
        UserContext.DayPart part = c.dayPart();
        if (part == UserContext.DayPart.MORNING || part == UserContext.DayPart.EVENING) {
            return new Choice("contextual", part.wireName() + " (local time " + c.time().toLocalTime().withNano(0) + ")");
        }
        if (r.hasListener() && r.listener().interactions() >= ENOUGH_INTERACTIONS) {
            return new Choice("collaborative", r.listener().interactions() + " interactions (at least " + ENOUGH_INTERACTIONS + ")");
        }
        return new Choice("hybrid", "no rule applied: " + part.wireName() + ", "
                + (r.hasListener() ? r.listener().interactions() + " interactions" : "no listener"));
    }
}
