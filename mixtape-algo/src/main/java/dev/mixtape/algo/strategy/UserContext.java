package dev.mixtape.algo.strategy;

import dev.mixtape.core.InvalidRequestException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Set;

/**
 * Where and how the listener is: the local time (derived from the request's timestamp when not given),
 * mood, activity, weather, and whether they want to explore. Free words are normalised to lower case;
 * unknown ones are kept and simply match nothing.
 *
 * @param time     the listener's local time (its offset is the listener's time zone)
 * @param mood     e.g. happy, sad, calm, energetic, focused, romantic; or null
 * @param activity e.g. workout, running, study, sleep, party, commute, cooking; or null
 * @param weather  e.g. sunny, rainy, cloudy, snowy, stormy; or null
 */
public record UserContext(ZonedDateTime time, String mood, String activity, String weather, boolean exploring) {
    static final Set<String> ENERGETIC_MOODS = Set.of("energetic", "pumped", "hyped", "excited", "powerful", "intense");
    static final Set<String> ENERGETIC_ACTIVITIES = Set.of("workout", "running", "run", "gym", "cycling", "training", "dance",
            "dancing", "hiit");

    public UserContext {
        mood = norm(mood);
        activity = norm(activity);
        weather = norm(weather);
    }

    private static String norm(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        String v = s.trim().toLowerCase(Locale.ROOT);
        if (v.length() > 40) {
            throw new InvalidRequestException("user_context words must be at most 40 characters, got '" + v + "'");
        }
        return v;
    }

    /** No context: the time is now, in UTC. */
    public static UserContext none(Instant now) {
        return new UserContext(now.atZone(ZoneOffset.UTC), null, null, null, false);
    }

    public enum DayPart {
        NIGHT, MORNING, AFTERNOON, EVENING;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** Morning 05–11, afternoon 12–16, evening 17–21, night 22–04 (local time). */
    public DayPart dayPart() {
        int h = time.getHour();
        return h >= 5 && h < 12 ? DayPart.MORNING : h >= 12 && h < 17 ? DayPart.AFTERNOON : h >= 17 && h < 22 ? DayPart.EVENING
                : DayPart.NIGHT;
    }

    public boolean weekend() {
        return time.getDayOfWeek() == DayOfWeek.SATURDAY || time.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    /** An energetic mood, or an activity that wants energy. */
    public boolean energetic() {
        return (mood != null && ENERGETIC_MOODS.contains(mood)) || (activity != null && ENERGETIC_ACTIVITIES.contains(activity));
    }
}
