package dev.mixtape.core.mood;

/** The energy shape of a playlist from first track to last. */
public enum Arc {
    /** About the same energy throughout. */
    STEADY,
    /** Energy rises to the end. */
    BUILD_UP,
    /** Energy falls to the end. */
    WIND_DOWN,
    /** A gentle build-up, a peak in the middle, a wind-down: the default. */
    PEAK;

    public static Arc parse(String s) {
        for (Arc a : values()) {
            if (a.name().equalsIgnoreCase(s.strip().replace('-', '_'))) {
                return a;
            }
        }
        throw new dev.mixtape.core.InvalidRequestException("arc must be one of steady, build_up, wind_down, peak; got '" + s + "'");
    }
}
