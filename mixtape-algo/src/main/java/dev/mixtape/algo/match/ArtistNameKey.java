package dev.mixtape.algo.match;

import dev.mixtape.core.TextNormalizer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keys for matching artist names from two sources (Last.fm, the catalog). Three keys, each looser than
 * the one before; {@link ArtistNameMatcher} tries them in this order, so a looser rule only decides
 * names the stricter ones could not:
 * <ol>
 *   <li>{@link #folded}: {@link TextNormalizer#fold} (case, accents, every run of punctuation and
 *       spaces to one space): "Beyoncé" = "BEYONCE", "Jay-Z" = "JAY Z";</li>
 *   <li>{@link #canonical}: the folded name after these rewrites, applied to both sides alike:
 *       apostrophes dropped without a space ("Fool's Garden" = "Fools Garden"), dotted initials
 *       joined ("A.F.I." = "AFI", "t.A.T.u." = "Tatu"; other dots still separate words, so "sleep.ing" is
 *       not "Sleeping"), {@code $} read as {@code s} ("Ke$ha" = "Kesha"), {@code &} and {@code +}
 *       read as "and" ("Aly &amp; AJ" = "Aly and AJ"), a leading "The " or trailing ", The" dropped
 *       ("The Killers" = "Killers" = "Killers, The");</li>
 *   <li>{@link #withoutFeaturing}: the part before a featuring suffix ("A feat. B", "A ft. B",
 *       "A featuring B", "A (feat. B)"), whose keys are then tried again.</li>
 * </ol>
 * Stateless and thread-safe.
 */
public final class ArtistNameKey {
    private static final Pattern FEATURING = Pattern.compile(
            "\\s*[(\\[]?\\s*(?<![\\p{L}\\p{N}])(?:feat\\.?|featuring|ft\\.?)\\s+\\S.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Two or more single letters each followed by a dot (the last dot optional), as a whole word. */
    private static final Pattern INITIALS = Pattern.compile("(?<![\\p{L}\\p{N}.])(?:\\p{L}\\.){1,}\\p{L}\\.?(?![\\p{L}\\p{N}])");
    private static final Pattern TRAILING_THE = Pattern.compile("(?i),\\s*the\\s*$");

    private ArtistNameKey() {}

    /** Rule 1: case and accent folding ({@link TextNormalizer#fold}). */
    public static String folded(String name) {
        return TextNormalizer.fold(name);
    }

    /** Rule 2: the folded name after the rewrites in the class comment; never empty for a name with a letter or digit. */
    public static String canonical(String name) {
        if (name == null) {
            return "";
        }
        String s = TRAILING_THE.matcher(name).replaceFirst("");
        s = INITIALS.matcher(s).replaceAll(m -> Matcher.quoteReplacement(m.group().replace(".", "")));
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\'', '\u2019', '\u2018', '`' -> { }
                case '$' -> sb.append('s');
                case '&', '+' -> sb.append(" and ");
                default -> sb.append(c);
            }
        }
        String key = TextNormalizer.fold(sb.toString());
        if (key.startsWith("the ") && key.length() > 4) {
            key = key.substring(4);
        }
        return key.isEmpty() ? TextNormalizer.fold(name) : key;
    }

    /** Rule 3: the name before a featuring suffix, or null when it has none (or nothing precedes it). */
    public static String withoutFeaturing(String name) {
        if (name == null) {
            return null;
        }
        Matcher m = FEATURING.matcher(name);
        if (!m.find() || m.start() == 0) {
            return null;
        }
        String head = name.substring(0, m.start()).strip();
        return TextNormalizer.fold(head).isEmpty() ? null : head;
    }
}
