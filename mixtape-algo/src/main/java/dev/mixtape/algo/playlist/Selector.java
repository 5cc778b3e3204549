package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.core.Catalog;

/**
 * Picks playlist members from the pool in a given order, skipping a song already taken (a second release
 * of a picked track, or a blocked song such as a track the prompt names) and tracks whose primary artist
 * is at the cap. Thread-safe; per-request state lives in the {@link PlaylistScratch} passed in.
 */
final class Selector {
    private final Catalog catalog;
    private final SongKeys songs;

    Selector(Catalog catalog, SongKeys songs) {
        this.catalog = catalog;
        this.songs = songs;
    }

    /**
     * Fills {@code out} with pool indices: first the {@code keepLen} entries of {@code keep} (taken as they
     * are), then entries of {@code order} in turn while they pass, until {@code length} are picked.
     *
     * @return how many were picked
     */
    int pick(CandidatePool pool, int[] keep, int keepLen, int[] order, int orderLen, int length, int cap,
             int[] blockedSongs, PlaylistScratch s, int[] out) {
        s.beginSelection();
        for (int song : blockedSongs) {
            s.takeSong(song);
        }
        int n = 0;
        for (int i = 0; i < keepLen && n < length; i++) {
            int t = pool.track[keep[i]];
            s.takeSong(songs.of(t));
            s.countArtist(catalog.trackArtists(t)[0]);
            out[n++] = keep[i];
        }
        for (int i = 0; i < orderLen && n < length; i++) {
            int t = pool.track[order[i]];
            int song = songs.of(t);
            int artist = catalog.trackArtists(t)[0];
            if (s.songTaken(song) || s.artistCount(artist) >= cap) {
                continue;
            }
            s.takeSong(song);
            s.countArtist(artist);
            out[n++] = order[i];
        }
        return n;
    }

    /** The songs of the given tracks. */
    int[] songsOf(int[] tracks) {
        int[] out = new int[tracks.length];
        for (int i = 0; i < tracks.length; i++) {
            out[i] = songs.of(tracks[i]);
        }
        return out;
    }
}
