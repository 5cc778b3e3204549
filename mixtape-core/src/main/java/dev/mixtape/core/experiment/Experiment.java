package dev.mixtape.core.experiment;

import dev.mixtape.core.InvalidRequestException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * An A/B experiment: named variants, each a strategy with a share of the listeners (shares sum to 1), live
 * between optional start and end times. The first variant is the control the others are tested against.
 */
public record Experiment(String name, List<Variant> variants, Instant startsAt, Instant endsAt, Instant createdAt) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9._\\-]{1,100}");

    public record Variant(String name, String strategy, double weight) {}

    public Experiment {
        if (name == null || !NAME.matcher(name).matches()) {
            throw new InvalidRequestException("name must be 1 to 100 characters from A-Z a-z 0-9 . _ -; got "
                    + (name == null ? "nothing" : "'" + name + "'"));
        }
        if (variants == null || variants.size() < 2 || variants.size() > 20) {
            throw new InvalidRequestException("an experiment needs 2 to 20 variants, got " + (variants == null ? 0 : variants.size()));
        }
        variants = List.copyOf(variants);
        Set<String> names = new HashSet<>();
        double sum = 0;
        for (Variant v : variants) {
            if (v.name() == null || !NAME.matcher(v.name()).matches()) {
                throw new InvalidRequestException("variant names must be 1 to 100 characters from A-Z a-z 0-9 . _ -; got '" + v.name() + "'");
            }
            if (!names.add(v.name())) {
                throw new InvalidRequestException("variant '" + v.name() + "' appears twice");
            }
            if (!(v.weight() > 0 && v.weight() <= 1)) {
                throw new InvalidRequestException("variant '" + v.name() + "' weight must be more than 0 and at most 1, got " + v.weight());
            }
            sum += v.weight();
        }
        if (Math.abs(sum - 1.0) > 1e-6) {
            throw new InvalidRequestException("variant weights must sum to 1, got " + sum);
        }
        if (startsAt != null && endsAt != null && !endsAt.isAfter(startsAt)) {
            throw new InvalidRequestException("ends_at must be after starts_at");
        }
    }

    /** Whether listeners are assigned at {@code now}. */
    public boolean live(Instant now) {
        return (startsAt == null || !now.isBefore(startsAt)) && (endsAt == null || now.isBefore(endsAt));
    }

    /**
     * The listener's variant: SHA-256 of "experiment name \0 user id" read as a number in [0, 1), placed on the
     * cumulative weights. The same on every instance and after every restart, and independent across experiments.
     */
    public Variant assign(String userId) {
        double u = unit(name + '\u0000' + userId);
        double acc = 0;
        for (Variant v : variants) {
            acc += v.weight();
            if (u < acc) {
                return v;
            }
        }
        return variants.get(variants.size() - 1);
    }

    static double unit(String s) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
            long bits = 0;
            for (int i = 0; i < 7; i++) {
                bits = (bits << 8) | (d[i] & 0xff);
            }
            return (bits >>> 3) / (double) (1L << 53);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
