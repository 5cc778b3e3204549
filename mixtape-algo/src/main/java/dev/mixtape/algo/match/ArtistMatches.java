package dev.mixtape.algo.match;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The outcome of matching a list of outside artists (by index: name and play weight) against the catalog
 * with one {@link ArtistNameMatcher}, with the numbers a match report needs: how many matched and by which
 * rule, the share of plays they carry, the unmatched names by weight, and the ambiguous matches.
 *
 * <p>Immutable and thread-safe. Arrays returned are copies.
 */
public final class ArtistMatches {
    private final String[] names;
    private final double[] plays;
    private final ArtistNameMatcher.Match[] matches;

    private ArtistMatches(String[] names, double[] plays, ArtistNameMatcher.Match[] matches) {
        this.names = names;
        this.plays = plays;
        this.matches = matches;
    }

    /**
     * Matches every name ({@code null} for an artist without a name: unmatched).
     *
     * @param plays a non-negative weight per artist (plays), same length as {@code names}
     */
    public static ArtistMatches of(ArtistNameMatcher matcher, String[] names, double[] plays) {
        if (names.length != plays.length) {
            throw new IllegalArgumentException("names and plays differ in length: " + names.length + ", " + plays.length);
        }
        ArtistNameMatcher.Match[] m = new ArtistNameMatcher.Match[names.length];
        for (int i = 0; i < names.length; i++) {
            if (!(plays[i] >= 0) || Double.isInfinite(plays[i])) {
                throw new IllegalArgumentException("plays of artist " + i + " must be finite and >= 0, got " + plays[i]);
            }
            m[i] = matcher.match(names[i]);
        }
        return new ArtistMatches(names.clone(), plays.clone(), m);
    }

    /** Number of outside artists. */
    public int size() {
        return names.length;
    }

    public String name(int i) {
        return names[i];
    }

    public double plays(int i) {
        return plays[i];
    }

    public ArtistNameMatcher.Match match(int i) {
        return matches[i];
    }

    /** The catalog artist of outside artist {@code i}, -1 when unmatched. */
    public int artist(int i) {
        return matches[i].artist();
    }

    /** Catalog artist per outside artist (-1: unmatched). */
    public int[] artists() {
        int[] out = new int[names.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = matches[i].artist();
        }
        return out;
    }

    public int matched() {
        int n = 0;
        for (ArtistNameMatcher.Match m : matches) {
            n += m.matched() ? 1 : 0;
        }
        return n;
    }

    /** How many artists each rule matched ({@link MatchRule#NONE}: unmatched); every rule is a key. */
    public Map<MatchRule, Integer> byRule() {
        Map<MatchRule, Integer> out = new EnumMap<>(MatchRule.class);
        for (MatchRule r : MatchRule.values()) {
            out.put(r, 0);
        }
        for (ArtistNameMatcher.Match m : matches) {
            out.merge(m.rule(), 1, Integer::sum);
        }
        return out;
    }

    public double totalPlays() {
        double s = 0;
        for (double p : plays) {
            s += p;
        }
        return s;
    }

    public double matchedPlays() {
        double s = 0;
        for (int i = 0; i < plays.length; i++) {
            s += matches[i].matched() ? plays[i] : 0;
        }
        return s;
    }

    /** Distinct catalog artists matched by at least one outside artist. */
    public int catalogArtists() {
        return (int) Arrays.stream(artists()).filter(a -> a >= 0).distinct().count();
    }

    /** The unmatched outside artists, most plays first (ties: by name, then index). */
    public int[] unmatchedByPlays() {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            if (!matches[i].matched()) {
                out.add(i);
            }
        }
        out.sort((a, b) -> {
            int c = Double.compare(plays[b], plays[a]);
            if (c == 0) {
                c = String.valueOf(names[a]).compareTo(String.valueOf(names[b]));
            }
            return c != 0 ? c : Integer.compare(a, b);
        });
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The outside artists whose deciding key several catalog artists share, most plays first. */
    public int[] ambiguousByPlays() {
        return java.util.stream.IntStream.range(0, names.length).boxed().filter(i -> matches[i].ambiguous())
                .sorted((a, b) -> plays[a] != plays[b] ? Double.compare(plays[b], plays[a]) : Integer.compare(a, b))
                .mapToInt(Integer::intValue).toArray();
    }
}
