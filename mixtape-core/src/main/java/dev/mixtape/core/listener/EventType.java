package dev.mixtape.core.listener;

import dev.mixtape.core.InvalidRequestException;
import java.util.Locale;

/** What a listener did with a track. The wire form is the lower-case name. */
public enum EventType {
    PLAY, SKIP, SAVE, LIKE, DISLIKE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The type named {@code s} (case-insensitive). */
    public static EventType parse(String s) {
        if (s != null) {
            for (EventType t : values()) {
                if (t.wireName().equalsIgnoreCase(s.trim())) {
                    return t;
                }
            }
        }
        throw new InvalidRequestException("type must be one of play, skip, save, like, dislike; got "
                + (s == null ? "nothing" : "'" + s + "'"));
    }
}
