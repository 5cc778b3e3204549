package dev.mixtape.eval.data;

import java.util.Arrays;

/** Growable primitive arrays for readers, without boxing. Not thread-safe. */
public final class Growable {
    private Growable() {}

    public static final class Ints {
        private int[] a = new int[16];
        private int n;

        public void add(int v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        public int size() {
            return n;
        }

        public int[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    public static final class Floats {
        private float[] a = new float[16];
        private int n;

        public void add(float v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        public int size() {
            return n;
        }

        public float[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }

    public static final class Longs {
        private long[] a = new long[16];
        private int n;

        public void add(long v) {
            if (n == a.length) {
                a = Arrays.copyOf(a, n * 2);
            }
            a[n++] = v;
        }

        public int size() {
            return n;
        }

        public long[] toArray() {
            return Arrays.copyOf(a, n);
        }
    }
}
