package dev.mixtape.bench;

import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.cf.ImplicitAlsModel;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.data.LastFmReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Training time of the listening model's trainer at track level on about a million events, synthetic from Last.fm
 * 2k (issue 14's target: iALS 64 factors × 15 iterations in at most 30 s on 2 cores). The Last.fm listeners are
 * replicated until the matrix holds {@code events} interactions: each replica keeps each of the listener's
 * artists with probability 0.8 and listens to one of that artist's {@code tracksPerArtist} tracks (a seeded choice,
 * the first track twice as likely as each other one), so items are tracks and the co-listening structure is Last.fm's.
 * Reports the matrix, the wall time of one training with the served settings (ListeningConfig's iALS) and the heap
 * at its peak. One run, not JMH: training is seconds long and runs once per retrain.
 */
final class TrainBench {
    private TrainBench() {}

    static int run(int events, int tracksPerArtist, int threads, long seed, PrintStream out) throws IOException {
        Path dir = BenchData.lastFmDir();
        InteractionData data = new LastFmReader().read(dir).interactions();
        InteractionMatrix lastFm = InteractionMatrix.of(data.users().size(), data.items().size(), data.user(), data.item(),
                data.weight()).binarised();
        SplittableRandom rnd = new SplittableRandom(seed);
        int[] u = new int[events];
        int[] it = new int[events];
        int n = 0;
        int users = 0;
        while (n < events) {
            for (int src = 0; src < lastFm.users() && n < events; src++) {
                boolean any = false;
                for (int e = lastFm.userPtr()[src]; e < lastFm.userPtr()[src + 1] && n < events; e++) {
                    if (rnd.nextDouble() >= 0.8) {
                        continue;
                    }
                    int k = rnd.nextInt(tracksPerArtist + 1);
                    u[n] = users;
                    it[n++] = lastFm.userItems()[e] * tracksPerArtist + Math.max(0, k - 1);
                    any = true;
                }
                users += any ? 1 : 0;
            }
        }
        float[] ones = new float[n];
        Arrays.fill(ones, 1f);
        InteractionMatrix m = InteractionMatrix.of(users, lastFm.items() * tracksPerArtist, u, it, ones);
        ImplicitAlsConfig als = ListeningConfig.defaults().als().withThreads(threads);
        out.printf("matrix: %,d listeners x %,d tracks, %,d interactions (Last.fm 2k x %.1f, %d tracks per artist, seed %d)%n",
                m.users(), m.items(), m.nnz(), (double) m.nnz() / lastFm.nnz(), tracksPerArtist, seed);
        out.printf("iALS: %d factors, %d iterations, alpha %s, lambda %s, %d CG steps, %d threads; %d cores available%n",
                als.factors(), als.iterations(), als.alpha(), als.regularization(), als.cgSteps(), threads,
                Runtime.getRuntime().availableProcessors());
        System.gc();
        resetPeaks();
        long t0 = System.nanoTime();
        ImplicitAlsModel model = new ImplicitAlsTrainer(als).train(m);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        out.printf("trained in %,d ms; heap peak %,d MB (the matrix and the model: %,d MB of factors)%n", ms, peakHeapMb(),
                ((long) (model.users() + model.items()) * als.factors() * 4) >> 20);
        return ms <= 30_000 ? 0 : 1;
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                p.resetPeakUsage();
            }
        }
    }

    private static long peakHeapMb() {
        long sum = 0;
        for (MemoryPoolMXBean p : ManagementFactory.getMemoryPoolMXBeans()) {
            if (p.getType() == MemoryType.HEAP) {
                sum += p.getPeakUsage().getUsed();
            }
        }
        return sum >> 20;
    }
}
