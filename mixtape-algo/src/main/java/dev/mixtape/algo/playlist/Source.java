package dev.mixtape.algo.playlist;

/** Which generator proposed a candidate (its provenance). */
public enum Source {
    /** A neighbour of an anchor track in the audio space. */
    ANCHOR,
    /** A track of a mentioned, anchor, related or genre artist. */
    ARTIST,
    /** Near the target point, within the wanted genres. */
    TARGET
}
