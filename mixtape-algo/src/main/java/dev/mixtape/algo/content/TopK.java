package dev.mixtape.algo.content;

/**
 * Keeps the {@code k} best (id, score) pairs offered, on primitive arrays (a binary min-heap).
 * Ties go to the smaller id, so results are deterministic. Not thread-safe.
 */
public final class TopK {
    private final int[] ids;
    private final float[] scores;
    private int size;

    public TopK(int k) {
        if (k <= 0) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        ids = new int[k];
        scores = new float[k];
    }

    public void offer(int id, float score) {
        if (size < ids.length) {
            ids[size] = id;
            scores[size] = score;
            up(size++);
        } else if (better(id, score, ids[0], scores[0])) {
            ids[0] = id;
            scores[0] = score;
            down(0);
        }
    }

    /** The lowest kept score (the next offer must beat it once full); undefined when empty. */
    public float worstScore() {
        return scores[0];
    }

    public int size() {
        return size;
    }

    /** The kept ids, best first. */
    public int[] sortedIds() {
        int[] order = new int[size];
        int[] hi = ids.clone();
        float[] hs = scores.clone();
        int n = size;
        for (int i = n - 1; i >= 0; i--) {
            order[i] = ids[0];
            ids[0] = ids[size - 1];
            scores[0] = scores[size - 1];
            size--;
            down(0);
        }
        System.arraycopy(hi, 0, ids, 0, n);
        System.arraycopy(hs, 0, scores, 0, n);
        size = n;
        return order;
    }

    private static boolean better(int id, float s, int otherId, float otherS) {
        return s > otherS || (s == otherS && id < otherId);
    }

    private void up(int i) {
        while (i > 0) {
            int p = (i - 1) >>> 1;
            if (!better(ids[p], scores[p], ids[i], scores[i])) {
                break;
            }
            swap(i, p);
            i = p;
        }
    }

    private void down(int i) {
        while (true) {
            int l = 2 * i + 1;
            int r = l + 1;
            int m = i;
            if (l < size && better(ids[m], scores[m], ids[l], scores[l])) {
                m = l;
            }
            if (r < size && better(ids[m], scores[m], ids[r], scores[r])) {
                m = r;
            }
            if (m == i) {
                return;
            }
            swap(i, m);
            i = m;
        }
    }

    private void swap(int a, int b) {
        int ti = ids[a];
        ids[a] = ids[b];
        ids[b] = ti;
        float ts = scores[a];
        scores[a] = scores[b];
        scores[b] = ts;
    }
}
