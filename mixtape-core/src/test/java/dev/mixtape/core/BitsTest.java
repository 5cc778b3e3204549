package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.TreeSet;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Property test of {@link Bits} against {@link TreeSet} as the oracle, on seeded random sets (seed logged). */
class BitsTest {

    @Test
    void behavesLikeASortedSet() {
        long seed = new Random().nextLong();
        System.out.println("BitsTest seed=" + seed);
        Random rnd = new Random(seed);
        for (int round = 0; round < 1000; round++) {
            int size = round < 130 ? round : rnd.nextInt(400); // every size 0..129 (word boundaries), then random
            int[] a = randomMembers(rnd, size);
            int[] b = randomMembers(rnd, size);
            TreeSet<Integer> sa = set(a);
            TreeSet<Integer> sb = set(b);
            String ctx = "size " + size + ", round " + round + ", seed " + seed;

            Bits x = Bits.of(size, a);
            assertThat(x.size()).isEqualTo(size);
            assertThat(x.toArray()).as(ctx).containsExactly(TestTracks.ints(sa));

            Bits and = Bits.of(size, a);
            and.and(Bits.of(size, b));
            TreeSet<Integer> inter = new TreeSet<>(sa);
            inter.retainAll(sb);
            assertThat(and.toArray()).as("and, " + ctx).containsExactly(TestTracks.ints(inter));

            Bits target = Bits.of(size, b);
            Bits.of(size, a).orInto(target);
            TreeSet<Integer> union = new TreeSet<>(sa);
            union.addAll(sb);
            assertThat(target.toArray()).as("or, " + ctx).containsExactly(TestTracks.ints(union));

            assertThat(Bits.all(size).toArray()).as("all, " + ctx).containsExactly(IntStream.range(0, size).toArray());
            assertThat(new Bits(size).toArray()).as("empty, " + ctx).isEmpty();
            Bits all = Bits.all(size);
            all.and(Bits.of(size, a));
            assertThat(all.toArray()).as("all and a, " + ctx).containsExactly(TestTracks.ints(sa));
        }
    }

    private static int[] randomMembers(Random rnd, int size) {
        if (size == 0) {
            return new int[0];
        }
        int n = rnd.nextInt(2 * size + 1);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = rnd.nextInt(4) == 0 ? (rnd.nextBoolean() ? 0 : size - 1) : rnd.nextInt(size);
        }
        return out;
    }

    private static TreeSet<Integer> set(int[] members) {
        TreeSet<Integer> s = new TreeSet<>();
        for (int m : members) {
            s.add(m);
        }
        return s;
    }
}
