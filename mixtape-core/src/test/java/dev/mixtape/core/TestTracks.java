package dev.mixtape.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** Concise construction of tracks for tests. Feature values are exact in {@code float}. */
final class TestTracks {
    private TestTracks() {}

    static AudioFeatures features(double energy) {
        return new AudioFeatures(0.25, 0.5, energy, 0.0, 0.125, 0.0625, 0.75, 5, 1, -6.5, 120.0, 4);
    }

    /** A track; {@code artists} are names, ids derived from them; the album id from album name + first artist. */
    static Track track(String id, String name, String artists, String album, int popularity, String... genres) {
        List<ArtistRef> refs = new ArrayList<>();
        for (String a : artists.split(";")) {
            refs.add(new ArtistRef(Ids.derive("artist", a), a));
        }
        return new Track(id, name, refs, new AlbumRef(Ids.derive("album", album + "|" + refs.get(0).id()), album),
                200_000, false, popularity, Set.of(genres), features(0.5));
    }

    static int[] ints(java.util.Collection<Integer> values) {
        return values.stream().mapToInt(Integer::intValue).toArray();
    }

    static String artistId(String name) {
        return Ids.derive("artist", name);
    }
}
