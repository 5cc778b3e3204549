package dev.mixtape.core;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Inverted index from folded words to the entries (tracks, artists or albums) whose folded text
 * contains them, with prefix look-up over the sorted vocabulary. Immutable; thread-safe.
 */
final class WordIndex {
    private final String[] vocabulary;
    private final int[][] postings;

    WordIndex(String[] foldedTexts) {
        Map<String, List<Integer>> map = new HashMap<>();
        for (int e = 0; e < foldedTexts.length; e++) {
            if (foldedTexts[e].isEmpty()) {
                continue;
            }
            for (String w : foldedTexts[e].split(" ")) {
                List<Integer> l = map.computeIfAbsent(w, k -> new ArrayList<>(2));
                if (l.isEmpty() || l.get(l.size() - 1) != e) {
                    l.add(e);
                }
            }
        }
        vocabulary = map.keySet().toArray(new String[0]);
        Arrays.sort(vocabulary);
        postings = new int[vocabulary.length][];
        for (int i = 0; i < vocabulary.length; i++) {
            postings[i] = map.get(vocabulary[i]).stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * Entries containing {@code word} (or a word starting with it when {@code prefix}), as a bit
     * set over {@code size} targets; {@code expand}, when given, maps each entry to its targets
     * (e.g. artist to tracks).
     */
    Bits match(String word, boolean prefix, int size, int[][] expand) {
        Bits bits = new Bits(size);
        int from = Arrays.binarySearch(vocabulary, word);
        int start = from >= 0 ? from : -from - 1;
        for (int v = start; v < vocabulary.length; v++) {
            boolean hit = prefix ? vocabulary[v].startsWith(word) : vocabulary[v].equals(word);
            if (!hit) {
                break;
            }
            for (int e : postings[v]) {
                if (expand == null) {
                    bits.set(e);
                } else {
                    for (int t : expand[e]) {
                        bits.set(t);
                    }
                }
            }
        }
        return bits;
    }
}
