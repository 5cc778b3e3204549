package dev.mixtape.core;

/** A fixed-size bit set over dense indices, with the few operations search needs. Not thread-safe. */
final class Bits {
    private final long[] words;
    private final int size;

    Bits(int size) {
        this.size = size;
        this.words = new long[(size + 63) >>> 6];
    }

    static Bits all(int size) {
        Bits b = new Bits(size);
        java.util.Arrays.fill(b.words, -1L);
        int extra = b.words.length * 64 - size;
        if (extra > 0) {
            b.words[b.words.length - 1] >>>= extra;
        }
        return b;
    }

    static Bits of(int size, int[] members) {
        Bits b = new Bits(size);
        for (int m : members) {
            b.set(m);
        }
        return b;
    }

    void set(int i) {
        words[i >>> 6] |= 1L << i;
    }

    void and(Bits other) {
        for (int i = 0; i < words.length; i++) {
            words[i] &= other.words[i];
        }
    }

    void orInto(Bits target) {
        for (int i = 0; i < words.length; i++) {
            target.words[i] |= words[i];
        }
    }

    int[] toArray() {
        int count = 0;
        for (long w : words) {
            count += Long.bitCount(w);
        }
        int[] out = new int[count];
        int k = 0;
        for (int i = 0; i < words.length; i++) {
            long w = words[i];
            while (w != 0) {
                out[k++] = (i << 6) + Long.numberOfTrailingZeros(w);
                w &= w - 1;
            }
        }
        return out;
    }

    int size() {
        return size;
    }
}
