package dev.mixtape.algo.playlist;

import java.util.Arrays;

/**
 * Per-request working memory of {@link PlaylistGenerator}, sized to the catalog and reused through a pool
 * so that a request allocates no catalog-sized arrays: one distance array per generator that needs one
 * (they run concurrently), a track → pool slot map (cleared through the slots, not by filling it), and
 * stamped per-song and per-artist counters for selection. Used by one request at a time.
 */
final class PlaylistScratch {
    final float[] anchorDistance;
    final float[] targetDistance;
    /** Track → pool slot + 1 (0: none); reset by {@link CandidatePool#merge} before it returns. */
    final int[] slotOf;
    private final int[] songStamp;
    private final int[] artistStamp;
    private final int[] artistCount;
    private int stamp;

    PlaylistScratch(int tracks, int artists, int songs) {
        anchorDistance = new float[tracks];
        targetDistance = new float[tracks];
        slotOf = new int[tracks];
        songStamp = new int[songs];
        artistStamp = new int[artists];
        artistCount = new int[artists];
    }

    /** Starts a new selection: every song free, every artist at 0. */
    void beginSelection() {
        if (++stamp == Integer.MAX_VALUE) {
            Arrays.fill(songStamp, 0);
            Arrays.fill(artistStamp, 0);
            stamp = 1;
        }
    }

    boolean songTaken(int song) {
        return songStamp[song] == stamp;
    }

    void takeSong(int song) {
        songStamp[song] = stamp;
    }

    int artistCount(int artist) {
        return artistStamp[artist] == stamp ? artistCount[artist] : 0;
    }

    void countArtist(int artist) {
        if (artistStamp[artist] != stamp) {
            artistStamp[artist] = stamp;
            artistCount[artist] = 0;
        }
        artistCount[artist]++;
    }
}
