package dev.mixtape.algo.learn;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.PlayDecay;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * One listener's artists as the training matrix and the fold-in see them (see {@link ListeningConfig} for the
 * value of an artist), in ascending artist order. The same function serves training and serving, so a listener
 * folded in at request time is scored exactly as they would be in the next training.
 *
 * @param artists    catalog artist indices, ascending
 * @param values     each artist's value (&gt; 0)
 * @param lastEvent  epoch millisecond of the listener's last event on each artist (the validation split holds out
 *                   the most recent)
 */
public record ListenerArtists(int[] artists, float[] values, long[] lastEvent) {
    public static final ListenerArtists EMPTY = new ListenerArtists(new int[0], new float[0], new long[0]);

    public int size() {
        return artists.length;
    }

    /** The artists of {@code history} (tracks not in {@code catalog} are ignored) at {@code now}. */
    public static ListenerArtists of(Catalog catalog, List<HistoryEntry> history, Instant now, ListeningConfig config) {
        int n = history.size();
        int[] artist = new int[n];
        int m = 0;
        for (HistoryEntry h : history) {
            int t = catalog.indexOf(h.trackId());
            if (t >= 0) {
                artist[m++] = catalog.trackArtists(t)[0];
            }
        }
        if (m == 0) {
            return EMPTY;
        }
        int[] distinct = Arrays.stream(artist, 0, m).sorted().distinct().toArray();
        double[] pos = new double[distinct.length];
        double[] neg = new double[distinct.length];
        boolean[] liked = new boolean[distinct.length];
        long[] last = new long[distinct.length];
        for (HistoryEntry h : history) {
            int t = catalog.indexOf(h.trackId());
            if (t < 0) {
                continue;
            }
            int a = Arrays.binarySearch(distinct, catalog.trackArtists(t)[0]);
            pos[a] += PlayDecay.decayed(h.playScore(), now) + h.likes() + h.saves();
            neg[a] += 0.5 * h.skips() + 2.0 * h.dislikes();
            liked[a] |= h.likes() + h.saves() > 0;
            last[a] = Math.max(last[a], h.lastEventAt().toEpochMilli());
        }
        int[] outA = new int[distinct.length];
        float[] outV = new float[distinct.length];
        long[] outL = new long[distinct.length];
        int k = 0;
        for (int i = 0; i < distinct.length; i++) {
            double net = pos[i] - neg[i];
            if (!(net > 0)) {
                continue;
            }
            double v = net / pos[i] * (liked[i] ? 1 + config.likeBonus() : 1);
            if (config.halfLifeDays() > 0) {
                double ageDays = Math.max(0, now.toEpochMilli() - last[i]) / 86_400_000.0;
                v *= Math.pow(0.5, ageDays / config.halfLifeDays());
            }
            if (v > 1e-6) {
                outA[k] = distinct[i];
                outV[k] = (float) v;
                outL[k++] = last[i];
            }
        }
        return new ListenerArtists(Arrays.copyOf(outA, k), Arrays.copyOf(outV, k), Arrays.copyOf(outL, k));
    }

    /** Artists with value 1 each (an imported listener's, with no times), given in any order, repeats merged. */
    public static ListenerArtists plain(int[] artists) {
        int[] a = Arrays.stream(artists).sorted().distinct().toArray();
        float[] v = new float[a.length];
        Arrays.fill(v, 1f);
        return new ListenerArtists(a, v, new long[a.length]);
    }
}
