package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.InvalidRequestException;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The seed specification's spelling of v2 request fields, accepted beside ours: {@code n_recommendations} for
 * {@code n}, {@code exclude_tracks} for {@code exclude}, and {@code user_context.time_of_day} (morning,
 * afternoon, evening, night) for a local time in that part of the day. When a request gives both spellings of
 * one field and they differ, it is a 400 naming both. Stateless; thread-safe.
 */
final class SeedSpelling {
    /** Seed name → our name, for top-level fields. */
    static final Map<String, String> ALIASES = Map.of("n_recommendations", "n", "exclude_tracks", "exclude");
    /** Every top-level field a v2 request may carry, in either spelling. */
    static final Set<String> FIELDS = union(StrategyService.FIELDS, ALIASES.keySet());
    /**
     * The local hour {@code time_of_day} stands for when the request's own time is in another part of the day:
     * one near the middle of {@link UserContext#dayPart()}'s ranges (morning 05–11, afternoon 12–16, evening
     * 17–21, night 22–04).
     */
    static final Map<UserContext.DayPart, Integer> HOURS = Map.of(UserContext.DayPart.MORNING, 8,
            UserContext.DayPart.AFTERNOON, 14, UserContext.DayPart.EVENING, 19, UserContext.DayPart.NIGHT, 1);

    private SeedSpelling() {}

    /** {@code body} with the seed's names replaced by ours; {@code body} itself when it has none. */
    static JsonNode normalise(JsonNode body) {
        ObjectNode out = null;
        for (Map.Entry<String, String> a : ALIASES.entrySet()) {
            JsonNode seed = body.get(a.getKey());
            if (seed == null) {
                continue;
            }
            JsonNode ours = body.get(a.getValue());
            if (ours != null && !same(ours, seed)) {
                throw new InvalidRequestException(a.getValue() + " and " + a.getKey() + " are the same field and differ ("
                        + brief(ours) + " and " + brief(seed) + "); give one of them");
            }
            if (out == null) {
                out = ((ObjectNode) body).deepCopy();
            }
            out.remove(a.getKey());
            out.set(a.getValue(), ours != null ? ours : seed);
        }
        return out != null ? out : body;
    }

    /** The part of the day {@code user_context.time_of_day} names. */
    static UserContext.DayPart dayPart(JsonNode context) {
        String v = JsonBody.text(context, "time_of_day", "morning, afternoon, evening or night");
        for (UserContext.DayPart p : UserContext.DayPart.values()) {
            if (p.wireName().equals(v.trim().toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InvalidRequestException("user_context.time_of_day must be morning, afternoon, evening or night, got '" + v + "'");
    }

    /**
     * A local time in {@code part}: {@code now} itself when it is in that part already, else the latest moment at or
     * before {@code now} at the part's hour ({@link #HOURS}), in the same offset. Never later than {@code now},
     * so decayed histories and trending counts are read as of a time whose events are all known.
     */
    static ZonedDateTime atDayPart(UserContext.DayPart part, ZonedDateTime now) {
        if (partOf(now) == part) {
            return now;
        }
        ZonedDateTime t = now.truncatedTo(ChronoUnit.HOURS).withHour(HOURS.get(part));
        return t.isAfter(now) ? t.minusDays(1) : t;
    }

    /** The part of the day {@code t} is in, by {@link UserContext#dayPart()}. */
    static UserContext.DayPart partOf(ZonedDateTime t) {
        return new UserContext(t, null, null, null, false).dayPart();
    }

    /** Equal, or both arrays of the same elements in any order (an exclusion list is a set). */
    private static boolean same(JsonNode a, JsonNode b) {
        if (a.equals(b)) {
            return true;
        }
        if (!a.isArray() || !b.isArray()) {
            return false;
        }
        Set<JsonNode> x = new HashSet<>();
        a.forEach(x::add);
        Set<JsonNode> y = new HashSet<>();
        b.forEach(y::add);
        return x.equals(y);
    }

    private static String brief(JsonNode n) {
        String s = n.toString();
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> u = new HashSet<>(a);
        u.addAll(b);
        return Set.copyOf(u);
    }
}
