package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import java.util.List;

/**
 * The calibrated mood model for interpreters other than the built-in one (an LLM names target
 * values; this supplies what it does not say): the neutral target, the soft range around a value,
 * and the bounds a target must respect. Stateless; thread-safe.
 */
public final class MoodTargets {
    private MoodTargets() {}

    /** The attributes a prompt steers, in a fixed order. */
    public static List<Attribute> attributes() {
        return MoodFeatures.attributes();
    }

    /** The target of an attribute the prompt says nothing about, or throws for an attribute prompts do not steer. */
    public static double neutral(Attribute a) {
        return MoodConstants.neutral(index(a));
    }

    /** Lowest target accepted for the attribute (tempo and loudness narrower than {@link Attribute}'s range). */
    public static double low(Attribute a) {
        return MoodFeatures.low(index(a));
    }

    public static double high(Attribute a) {
        return MoodFeatures.high(index(a));
    }

    /**
     * The soft range around {@code target}: when the prompt set the value, ± the mean spread of the
     * four calibrated moods; otherwise ± the spread of all labelled tracks. Clamped to {@link #low}–{@link #high}
     * and rounded as the built-in interpreter rounds.
     */
    public static MoodTarget.Range range(Attribute a, double target, boolean set) {
        int f = index(a);
        double spread = 0;
        if (set) {
            for (Mood m : Mood.values()) {
                spread += MoodConstants.spread(m, f) / Mood.values().length;
            }
        } else {
            spread = MoodConstants.neutralSpread(f);
        }
        double lo = BuiltInPromptInterpreter.round(f, MoodFeatures.clamp(f, Math.min(target, target - spread)));
        double hi = BuiltInPromptInterpreter.round(f, MoodFeatures.clamp(f, Math.max(target, target + spread)));
        return new MoodTarget.Range(Math.min(lo, target), Math.max(hi, target));
    }

    /** The arc named the wire way ("build_up"), or null for null. */
    public static Arc arc(String name) {
        return name == null ? null : Arc.parse(name);
    }

    private static int index(Attribute a) {
        int f = MoodFeatures.indexOf(a);
        if (f < 0) {
            throw new IllegalArgumentException(a.wireName() + " is not steered by prompts");
        }
        return f;
    }
}
