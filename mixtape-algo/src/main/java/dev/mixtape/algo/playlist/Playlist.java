package dev.mixtape.algo.playlist;

import java.util.List;

/**
 * A generated playlist: its tracks in order, each with where it came from and why it is there, the
 * quality scores of the final order, the improvement passes run, constraints that had to be relaxed
 * (and how), remarks on the target, per-phase timings and the pool size.
 *
 * @param entries    the tracks in playlist order
 * @param quality    scores of the final order
 * @param iterations improvement passes run (0 in fast mode or when the first selection met the thresholds)
 * @param relaxed    constraints relaxed because the pool was too small, each saying which and how
 * @param notes      remarks on the target, e.g. a genre not in the catalog
 * @param poolSize   candidates the playlist was chosen from
 * @param seeds      the anchors and artists the generators started from
 */
public record Playlist(List<Entry> entries, PlaylistQuality.Scores quality, int iterations, List<String> relaxed,
                       List<String> notes, Timings timings, int poolSize, Seeds seeds) {
    public Playlist {
        entries = List.copyOf(entries);
        relaxed = List.copyOf(relaxed);
        notes = List.copyOf(notes);
    }

    /**
     * One track of the playlist.
     *
     * @param track       dense track index
     * @param trackId     catalog track id
     * @param source      the generator whose proposal was kept (the one with the highest affinity)
     * @param via         the anchor track id (ANCHOR) or artist id (ARTIST) it came through; null for TARGET
     * @param affinity    that generator's affinity: audio similarity to the anchor or the target point, or
     *                    the artist's kinship
     * @param targetFit   the track's {@link TargetProfile#fit target fit}
     * @param generators  how many generators proposed it (1–3)
     * @param explanation one line for people, e.g. "near your anchor 'X' by Y (audio similarity 0.91); fits target energy 0.31 (target 0.30)"
     */
    public record Entry(int track, String trackId, Source source, String via, float affinity, float targetFit,
                        int generators, String explanation) {}

    /** Milliseconds spent in each phase (2–6) and in all of {@link PlaylistGenerator#generate}. */
    public record Timings(double seedsMs, double generationMs, double qualityMs, double improvementMs,
                          double orderingMs, double totalMs) {}

    /** The dense track indices in playlist order. */
    public int[] trackIndices() {
        int[] out = new int[entries.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = entries.get(i).track();
        }
        return out;
    }

    /** The catalog track ids in playlist order. */
    public List<String> trackIds() {
        return entries.stream().map(Entry::trackId).toList();
    }
}
