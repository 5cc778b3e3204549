package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.TextNormalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a prompt into folded words ({@link TextNormalizer#fold}) that remember where they came
 * from: the original text, whether a clause break (comma, full stop, semicolon, brackets, a spaced
 * dash) precedes them, whether they sit inside double quotes, and whether they were capitalised.
 * Apostrophes inside words are dropped ("don't" → "dont"), '&' is the word "and", a hyphen splits
 * words ("hip-hop" → "hip hop") and "1.5" stays one number. Catalog names go through the same
 * folding ({@link #key}) so the two always compare alike. Thread-safe (stateless).
 */
final class PromptText {
    private PromptText() {}

    /** One word of the prompt; {@code quote} numbers the quoted group it belongs to, or is -1. */
    record Token(String word, String original, int start, int end, boolean breakBefore, int quote, boolean capitalised) {
        boolean isNumber() {
            return !word.isEmpty() && (Character.isDigit(word.charAt(0)));
        }
    }

    static List<Token> tokenize(String text) {
        List<Token> out = new ArrayList<>();
        int n = text.length();
        boolean pendingBreak = false;
        int quote = -1;
        int quotes = 0;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                int start = i;
                StringBuilder w = new StringBuilder();
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d) || Character.isSurrogate(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        w.append(d);
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1)) && w.length() > 0) {
                        i++;
                    } else if (d == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)) && w.length() > 0
                            && Character.isDigit(w.charAt(w.length() - 1))) {
                        w.append('.');
                        i++;
                    } else {
                        break;
                    }
                }
                String original = text.substring(start, i);
                boolean cap = Character.isUpperCase(original.codePointAt(0));
                String raw = w.toString();
                String folded = raw.indexOf('.') < 0 ? TextNormalizer.fold(raw) : foldKeepingDots(raw);
                for (String part : folded.split(" ")) {
                    if (!part.isEmpty()) {
                        out.add(new Token(part, original, start, i, pendingBreak, quote, cap));
                        pendingBreak = false;
                    }
                }
            } else {
                if (c == '&') {
                    out.add(new Token("and", "&", i, i + 1, pendingBreak, quote, false));
                    pendingBreak = false;
                } else if (c == '"' || c == '“' || c == '”' || c == '«' || c == '»') {
                    quote = quote >= 0 ? -1 : quotes++;
                    pendingBreak = true;
                } else if (isBreak(c) || (c == '-' || c == '–' || c == '—') && (i == 0 || text.charAt(i - 1) == ' '
                        || c != '-')) {
                    pendingBreak = true;
                }
                i++;
            }
        }
        return out;
    }

    /** Folds a number-like word ("1.5", "1.9Y") part by part, keeping its decimal points (only ever between digits). */
    private static String foldKeepingDots(String raw) {
        String[] parts = raw.split("\\.");
        for (int k = 0; k < parts.length; k++) {
            parts[k] = TextNormalizer.fold(parts[k]);
        }
        return String.join(".", parts);
    }

    /**
     * The folded words of a name joined by single spaces: the key catalog names are indexed by. Gives
     * the same words as {@link #tokenize}, without building tokens (it runs over every catalog name).
     */
    static String key(String text) {
        int n = text.length();
        StringBuilder sb = new StringBuilder(n);
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c < 0x80 && Character.isLetterOrDigit(c)) {
                int wordStart = sb.length();
                boolean ascii = true;
                int start = i;
                while (i < n) {
                    char d = text.charAt(i);
                    if (Character.isLetterOrDigit(d) || Character.isSurrogate(d) || Character.getType(d) == Character.NON_SPACING_MARK) {
                        ascii &= d < 0x80;
                        i++;
                    } else if (isApostrophe(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1))) {
                        i++;
                    } else if (d == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i - 1))) {
                        i++;
                    } else {
                        break;
                    }
                }
                if (!ascii) {
                    i = start;
                    appendSlow(text, sb, i, i = wordEnd(text, i));
                    continue;
                }
                space(sb, wordStart);
                for (int k = start; k < i; k++) {
                    char d = text.charAt(k);
                    if (Character.isLetterOrDigit(d) || (d == '.' && k > start)) {
                        sb.append(Character.toLowerCase(d));
                    }
                }
            } else if (Character.isLetterOrDigit(c) || Character.isSurrogate(c)) {
                int end = wordEnd(text, i);
                appendSlow(text, sb, i, end);
                i = end;
            } else {
                if (c == '&') {
                    space(sb, sb.length());
                    sb.append("and");
                }
                i++;
            }
        }
        return sb.toString();
    }

    private static void space(StringBuilder sb, int at) {
        if (at > 0 && sb.length() > 0) {
            sb.append(' ');
        }
    }

    private static int wordEnd(String text, int i) {
        int n = text.length();
        while (i < n) {
            char d = text.charAt(i);
            if (Character.isLetterOrDigit(d) || Character.isSurrogate(d) || Character.getType(d) == Character.NON_SPACING_MARK
                    || (isApostrophe(d) && i + 1 < n && Character.isLetter(text.charAt(i + 1)))
                    || (d == '.' && i + 1 < n && i > 0 && Character.isDigit(text.charAt(i + 1)) && Character.isDigit(text.charAt(i - 1)))) {
                i++;
            } else {
                break;
            }
        }
        return i;
    }

    /** Appends the words of a non-ASCII run through {@link #tokenize}, the reference. */
    private static void appendSlow(String text, StringBuilder sb, int from, int to) {
        for (Token t : tokenize(text.substring(from, to))) {
            space(sb, sb.length());
            sb.append(t.word());
        }
    }

    private static boolean isApostrophe(char c) {
        return c == '\'' || c == '’' || c == 'ʼ' || c == '`' || c == '´';
    }

    private static boolean isBreak(char c) {
        return switch (c) {
            case ',', '.', ';', ':', '!', '?', '(', ')', '[', ']', '{', '}', '/', '|', '\n', '\r', '…' -> true;
            default -> false;
        };
    }
}
