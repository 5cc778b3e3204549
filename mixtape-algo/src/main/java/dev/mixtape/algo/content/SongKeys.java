package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.TextNormalizer;
import java.util.HashMap;
import java.util.Map;

/**
 * One dense id per <em>song</em>: tracks with the same folded name and the same primary artist (second
 * releases, remasters listed under another id) share it, so answers can skip a song already taken. With
 * {@code ignoreVersions}, a version suffix is cut from the name before folding — from the first " - ", " (" or
 * " [" on, so "Halo - Live" and "Halo (Remastered 2011)" are the song "halo" — for answers such as
 * playlists where two versions of one song would be a repeat. Immutable and thread-safe.
 */
public final class SongKeys {
    private final int[] songOf;
    private final int count;

    public SongKeys(Catalog catalog) {
        this(catalog, false);
    }

    public SongKeys(Catalog catalog, boolean ignoreVersions) {
        int n = catalog.size();
        songOf = new int[n];
        Map<String, Integer> songs = new HashMap<>(n * 2);
        for (int t = 0; t < n; t++) {
            String name = ignoreVersions ? TextNormalizer.fold(baseTitle(catalog.trackName(t))) : catalog.search().foldedTrackName(t);
            String key = name + '\u0000' + catalog.trackArtists(t)[0];
            songOf[t] = songs.computeIfAbsent(key, k -> songs.size());
        }
        count = songs.size();
    }

    /** The name up to a version suffix (" - ...", " (...", " [..."), or the whole name when that would leave nothing. */
    static String baseTitle(String name) {
        int cut = name.length();
        for (String sep : new String[] {" - ", " (", " ["}) {
            int i = name.indexOf(sep);
            if (i > 0 && i < cut) {
                cut = i;
            }
        }
        return name.substring(0, cut);
    }

    /** The song of track {@code t}, in 0..{@link #count()}. */
    public int of(int track) {
        return songOf[track];
    }

    /** The number of distinct songs. */
    public int count() {
        return count;
    }
}
