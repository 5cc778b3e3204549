package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.algo.playlist.prompt.PromptText.Token;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a playlist length: a count of tracks ("20 songs", "twenty tracks", "a dozen songs") or a
 * duration ("an hour", "half an hour", "45 minutes", "1.5 hours", "an hour and a half", "90-minute",
 * "2h"), turned into tracks by the catalog's average track duration. Thread-safe (stateless).
 */
final class LengthParser {
    private LengthParser() {}

    /** A length found in the prompt, ending before token {@code end}; {@code minutes} is NaN for a count. */
    record Length(int end, int tracks, double minutes) {}

    private static final Map<String, Integer> WORDS = Map.ofEntries(
            Map.entry("one", 1), Map.entry("two", 2), Map.entry("three", 3), Map.entry("four", 4),
            Map.entry("five", 5), Map.entry("six", 6), Map.entry("seven", 7), Map.entry("eight", 8),
            Map.entry("nine", 9), Map.entry("ten", 10), Map.entry("eleven", 11), Map.entry("twelve", 12),
            Map.entry("thirteen", 13), Map.entry("fourteen", 14), Map.entry("fifteen", 15), Map.entry("sixteen", 16),
            Map.entry("seventeen", 17), Map.entry("eighteen", 18), Map.entry("nineteen", 19), Map.entry("twenty", 20),
            Map.entry("thirty", 30), Map.entry("forty", 40), Map.entry("fourty", 40), Map.entry("fifty", 50),
            Map.entry("sixty", 60), Map.entry("seventy", 70), Map.entry("eighty", 80), Map.entry("ninety", 90),
            Map.entry("hundred", 100), Map.entry("dozen", 12), Map.entry("a", 1), Map.entry("an", 1),
            Map.entry("couple", 2));
    private static final Pattern COMPACT = Pattern.compile("(\\d+(?:\\.\\d+)?)(h|hr|hrs|hour|hours|m|min|mins|minutes)");

    static Length parse(List<Token> t, int i, double averageDurationMs) {
        String w = t.get(i).word();
        Matcher m = COMPACT.matcher(w);
        if (m.matches()) {
            double minutes = Double.parseDouble(m.group(1)) * (m.group(2).startsWith("h") ? 60 : 1);
            return duration(t, i + 1, minutes, averageDurationMs);
        }
        if (w.equals("half") && is(t, i + 1, "an", "a") && is(t, i + 2, "hour")) {
            return duration(t, i + 3, 30, averageDurationMs);
        }
        if (w.equals("half") && is(t, i + 1, "hour")) {
            return duration(t, i + 2, 30, averageDurationMs);
        }
        double[] num = number(t, i);
        if (num == null) {
            return null;
        }
        int j = (int) num[1];
        double value = num[0];
        boolean bareArticle = isArticle(w) && j == i + 1;
        if (is(t, j, "songs", "song", "tracks", "track", "tunes", "tune", "titles", "bangers", "jams")) {
            return value == Math.rint(value) && !bareArticle ? new Length(skipLong(t, j + 1), (int) value, Double.NaN) : null;
        }
        if (is(t, j, "hour", "hours", "hr", "hrs", "h")) {
            double minutes = value * 60;
            j++;
            if (is(t, j, "and") && is(t, j + 1, "a") && is(t, j + 2, "half")) {
                minutes += 30;
                j += 3;
            }
            return duration(t, j, minutes, averageDurationMs);
        }
        if (is(t, j, "minute", "minutes", "min", "mins") && !bareArticle) {
            return duration(t, j + 1, value, averageDurationMs);
        }
        return null;
    }

    private static boolean isArticle(String w) {
        return w.equals("a") || w.equals("an");
    }

    private static Length duration(List<Token> t, int end, double minutes, double averageDurationMs) {
        if (!(minutes > 0)) {
            return null;
        }
        int tracks = (int) Math.max(1, Math.round(minutes * 60_000 / averageDurationMs));
        return new Length(skipLong(t, end), tracks, minutes);
    }

    private static int skipLong(List<Token> t, int j) {
        return is(t, j, "long") ? j + 1 : j;
    }

    /** {value, index after} or null: digits, number words ("twenty five"), "a dozen", "a couple of". */
    private static double[] number(List<Token> t, int i) {
        String w = t.get(i).word();
        if (!w.isEmpty() && Character.isDigit(w.charAt(0))) {
            try {
                return new double[] {Double.parseDouble(w), i + 1};
            } catch (NumberFormatException e) {
                return null;
            }
        }
        Integer v = WORDS.get(w);
        if (v == null) {
            return null;
        }
        int j = i + 1;
        if (isArticle(w) && is(t, j, "dozen", "couple", "hundred")) {
            v = WORDS.get(t.get(j).word());
            j++;
        } else if (v >= 20 && v < 100 && v % 10 == 0 && j < t.size() && WORDS.containsKey(t.get(j).word())
                && WORDS.get(t.get(j).word()) < 10 && !isArticle(t.get(j).word())) {
            v += WORDS.get(t.get(j).word());
            j++;
        }
        if (v == 2 && is(t, j, "of")) {
            j++;
        }
        return new double[] {v, j};
    }

    private static boolean is(List<Token> t, int j, String... words) {
        if (j >= t.size() || t.get(j).breakBefore()) {
            return false;
        }
        String w = t.get(j).word();
        for (String x : words) {
            if (x.equals(w)) {
                return true;
            }
        }
        return false;
    }
}
