package dev.mixtape.core;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Folds text for matching: lower case, accents removed (NFD, combining marks dropped, plus a few
 * letters NFD does not split such as 'ø', 'ß'/'ẞ', 'æ', 'ł'), every run of other characters turned into
 * one space. "Beyoncé" and "BEYONCE" fold to "beyonce". Thread-safe.
 */
public final class TextNormalizer {
    private TextNormalizer() {}

    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = isAscii(text) ? text : Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder sb = new StringBuilder(decomposed.length());
        boolean space = true;
        for (int i = 0; i < decomposed.length(); ) {
            int c = decomposed.codePointAt(i);
            i += Character.charCount(c);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            String mapped = c <= Character.MAX_VALUE ? special((char) c) : null;
            if (mapped != null) {
                sb.append(mapped);
                space = false;
            } else if (Character.isLetterOrDigit(c)) {
                sb.appendCodePoint(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                sb.append(' ');
                space = true;
            }
        }
        int len = sb.length();
        if (len > 0 && sb.charAt(len - 1) == ' ') {
            sb.setLength(len - 1);
        }
        return sb.toString();
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** The folded text split into its words. */
    public static List<String> tokens(String text) {
        String folded = fold(text);
        List<String> out = new ArrayList<>();
        if (folded.isEmpty()) {
            return out;
        }
        for (String t : folded.split(" ")) {
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String special(char c) {
        return switch (c) {
            case 'ø', 'Ø' -> "o";
            case 'ß', 'ẞ' -> "ss";
            case 'æ', 'Æ' -> "ae";
            case 'œ', 'Œ' -> "oe";
            case 'ł', 'Ł' -> "l";
            case 'đ', 'Đ' -> "d";
            case 'ı' -> "i";
            default -> null;
        };
    }
}
