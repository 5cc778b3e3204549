package dev.mixtape.algo.cf;

/** Argument checks shared by the models' {@code score} methods. */
final class Checks {
    private Checks() {}

    static void user(int user, int users) {
        if (user < 0 || user >= users) {
            throw new IllegalArgumentException("user " + user + " out of range [0, " + users + ")");
        }
    }

    static void item(int item, int items) {
        if (item < 0 || item >= items) {
            throw new IllegalArgumentException("item " + item + " out of range [0, " + items + ")");
        }
    }

    /** Rejects negative values, which the confidence and probability models cannot take. */
    static void nonNegative(InteractionMatrix m, String what) {
        float[] vals = m.userValues();
        int[] ptr = m.userPtr();
        for (int u = 0; u < m.users(); u++) {
            for (int k = ptr[u]; k < ptr[u + 1]; k++) {
                if (vals[k] < 0) {
                    throw new IllegalArgumentException(what + " needs non-negative values; (user " + u + ", item "
                            + m.userItems()[k] + ") has " + vals[k]);
                }
            }
        }
    }

    static void out(float[] out, int items) {
        if (out.length < items) {
            throw new IllegalArgumentException("score vector has length " + out.length + ", needs " + items);
        }
    }

    static int threads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
