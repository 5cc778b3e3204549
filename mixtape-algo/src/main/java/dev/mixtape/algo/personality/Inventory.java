package dev.mixtape.algo.personality;

import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.Traits;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The Big Five inventories mixtape scores, with their scoring keys (item → factor, sign) in the code, so
 * scoring works without any data files. Answers are on the 1–5 scale, in the inventory's item order. A
 * factor's score is the mean of its items (a reverse-keyed answer counts as 6 − answer), mapped from
 * 1–5 onto 0–1.
 *
 * <ul>
 *   <li><b>IPIP-50</b>: Goldberg's (1992) Big-Five Factor Markers, in the order of the official IPIP
 *       50-item questionnaire (ipip.ori.org). Item i measures factor ((i − 1) mod 5) + 1: 1 Extraversion,
 *       2 Agreeableness, 3 Conscientiousness, 4 <em>Emotional Stability</em> (neuroticism = 1 − its
 *       score), 5 Intellect/Imagination (openness). Reverse-keyed: 2, 4, 6, 8, 10, 12, 14, 16, 18, 20,
 *       22, 24, 26, 28, 29, 30, 32, 34, 36, 38, 39, 44, 46, 49.</li>
 *   <li><b>Mini-IPIP-20</b>: Donnellan, Oswald, Baird &amp; Lucas (2006). Items cycle E, A, C, N, I;
 *       factor 4 is keyed as <em>Neuroticism</em>. Reverse-keyed: 6–10, 15–20.</li>
 *   <li><b>BFI-44</b>: John, Donahue &amp; Kentle (1991), keys as in John &amp; Srivastava (1999).
 *       E 1, 6R, 11, 16, 21R, 26, 31R, 36; A 2R, 7, 12R, 17, 22, 27R, 32, 37R, 42; C 3, 8R, 13, 18R,
 *       23R, 28, 33, 38, 43R; N 4, 9R, 14, 19, 24R, 29, 34R, 39; O 5, 10, 15, 20, 25, 30, 35R, 40, 41R, 44.
 *       Its item texts are not public domain and are not served.</li>
 * </ul>
 */
public enum Inventory {
    IPIP_50("ipip-50", "ipip50_items.csv", ipip50()),
    MINI_IPIP_20("mini-ipip-20", "mini_ipip20_items.csv", miniIpip20()),
    BFI_44("bfi-44", null, bfi44());

    /** Factor indices in {@link Traits#NAMES} order. */
    static final int O = 0, C = 1, E = 2, A = 3, N = 4;

    private final String wireName;
    private final String itemFile;
    /** Per item: the trait index it measures and +1 or −1 (reverse) toward that trait's high end. */
    private final int[] factor;
    private final int[] sign;

    Inventory(String wireName, String itemFile, int[][] key) {
        this.wireName = wireName;
        this.itemFile = itemFile;
        this.factor = key[0];
        this.sign = key[1];
    }

    public String wireName() {
        return wireName;
    }

    /** The item-text file under {@code personality-ipip-bigfive/} in the data dir, or null when none is published. */
    public String itemFile() {
        return itemFile;
    }

    public int items() {
        return factor.length;
    }

    /** The trait (index into {@link Traits#NAMES}) item {@code i} (0-based) measures. */
    public int factorOf(int i) {
        return factor[i];
    }

    /** Whether item {@code i} (0-based) scores toward the trait's high end as answered. */
    public boolean positive(int i) {
        return sign[i] > 0;
    }

    public static List<String> names() {
        return Arrays.stream(values()).map(Inventory::wireName).toList();
    }

    public static Inventory parse(String name) {
        if (name != null) {
            String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
            for (Inventory i : values()) {
                if (i.wireName.equals(n) || i.wireName.replace("-", "").equals(n.replace("-", ""))) {
                    return i;
                }
            }
        }
        throw new InvalidRequestException("inventory must be one of " + String.join(", ", names()) + "; got "
                + (name == null ? "nothing" : "'" + name + "'"));
    }

    /** Scores the answers (1–5 each, in item order); rejects a wrong count or an answer out of range, naming it. */
    public Traits score(List<? extends Number> answers) {
        if (answers == null || answers.size() != factor.length) {
            throw new InvalidRequestException(wireName + " has " + factor.length + " items; got "
                    + (answers == null ? 0 : answers.size()) + " answers");
        }
        double[] sum = new double[5];
        int[] count = new int[5];
        for (int i = 0; i < factor.length; i++) {
            Number a = answers.get(i);
            double v = a == null ? Double.NaN : a.doubleValue();
            if (!(v >= 1 && v <= 5) || v != Math.rint(v)) {
                throw new InvalidRequestException("answers[" + i + "] (item " + (i + 1) + ") must be a whole number from 1 to 5; got "
                        + a);
            }
            sum[factor[i]] += sign[i] > 0 ? v : 6 - v;
            count[factor[i]]++;
        }
        double[] t = new double[5];
        for (int f = 0; f < 5; f++) {
            t[f] = (sum[f] / count[f] - 1.0) / 4.0;
        }
        return Traits.of(t);
    }

    // ---- keys

    private static int[][] ipip50() {
        // factor ((i-1) mod 5)+1 in Goldberg's numbering: E, A, C, ES, I
        int[] goldberg = {E, A, C, N, O};
        int[] reverse = {2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 29, 30, 32, 34, 36, 38, 39, 44, 46, 49};
        int[] f = new int[50];
        int[] s = new int[50];
        for (int i = 0; i < 50; i++) {
            f[i] = goldberg[i % 5];
            s[i] = contains(reverse, i + 1) ? -1 : 1;
            if (f[i] == N) {
                s[i] = -s[i]; // keyed as Emotional Stability: its high end is low neuroticism
            }
        }
        return new int[][] {f, s};
    }

    private static int[][] miniIpip20() {
        int[] order = {E, A, C, N, O};
        int[] reverse = {6, 7, 8, 9, 10, 15, 16, 17, 18, 19, 20};
        int[] f = new int[20];
        int[] s = new int[20];
        for (int i = 0; i < 20; i++) {
            f[i] = order[i % 5];
            s[i] = contains(reverse, i + 1) ? -1 : 1;
        }
        return new int[][] {f, s};
    }

    private static int[][] bfi44() {
        int[][] items = {
            {5, 10, 15, 20, 25, 30, -35, 40, -41, 44},      // O
            {3, -8, 13, -18, -23, 28, 33, 38, -43},         // C
            {1, -6, 11, 16, -21, 26, -31, 36},              // E
            {-2, 7, -12, 17, 22, -27, 32, -37, 42},         // A
            {4, -9, 14, 19, -24, 29, -34, 39}};             // N
        int[] f = new int[44];
        int[] s = new int[44];
        for (int t = 0; t < 5; t++) {
            for (int k : items[t]) {
                f[Math.abs(k) - 1] = t;
                s[Math.abs(k) - 1] = k > 0 ? 1 : -1;
            }
        }
        return new int[][] {f, s};
    }

    private static boolean contains(int[] a, int v) {
        for (int x : a) {
            if (x == v) {
                return true;
            }
        }
        return false;
    }
}
