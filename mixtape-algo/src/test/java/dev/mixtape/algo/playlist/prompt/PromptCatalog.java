package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Ids;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A small synthetic catalog for prompt tests: artists whose names test folding ("Beyoncé",
 * "Simon & Garfunkel", "The Beatles"), names that collide with the vocabulary (an artist "Calm", a
 * track "Happy"), two tracks named "Someone Like You" by different artists, a remaster suffix, and
 * genres spelled the catalog way ("hip-hop", "r-n-b", "k-pop", "drum-and-bass"). Every track lasts
 * 4 minutes, so "an hour" is 15 tracks.
 */
final class PromptCatalog {
    static final int DURATION_MS = 240_000;
    static final Catalog CATALOG = build();

    private PromptCatalog() {}

    static String artistId(String name) {
        return Ids.derive("artist", name);
    }

    static String trackId(String name, String artist) {
        return Ids.derive("track", name + "|" + artist);
    }

    private static Catalog build() {
        List<Track> tracks = new ArrayList<>();
        add(tracks, "Someone Like You", "Adele", 90, "pop", "sad");
        add(tracks, "Hello", "Adele", 85, "pop");
        add(tracks, "Someone Like You", "Other Singer", 20, "pop");
        add(tracks, "One More Time", "Daft Punk", 80, "edm", "electronic");
        add(tracks, "D.A.N.C.E.", "Justice", 60, "electronic");
        add(tracks, "God's Plan", "Drake", 88, "hip-hop", "rap");
        add(tracks, "Hey Jude - Remastered 2015", "The Beatles", 75, "rock");
        add(tracks, "The Sound of Silence", "Simon & Garfunkel", 70, "folk");
        add(tracks, "Halo", "Beyoncé", 78, "r-n-b", "pop");
        add(tracks, "Happy", "Pharrell Williams", 82, "pop");
        add(tracks, "Still Water", "Calm", 30, "ambient");
        add(tracks, "Dynamite", "BTS", 80, "k-pop");
        add(tracks, "Thunderstruck", "AC/DC", 79, "hard-rock", "rock");
        add(tracks, "Master of Puppets", "Metallica", 77, "metal");
        add(tracks, "Freezing Moon", "Mayhem", 40, "black-metal");
        add(tracks, "Inner City Life", "Goldie", 45, "drum-and-bass");
        add(tracks, "So What", "Miles Davis", 70, "jazz");
        add(tracks, "Gymnopédie No.1", "Erik Satie", 65, "classical", "piano");
        add(tracks, "Fast Car", "Tracy Chapman", 74, "acoustic", "singer-songwriter");
        add(tracks, "Weightless", "Marconi Union", 50, "chill", "ambient");
        return new CatalogBuilder().addAll(tracks).build();
    }

    private static void add(List<Track> tracks, String name, String artist, int popularity, String... genres) {
        ArtistRef a = new ArtistRef(artistId(artist), artist);
        tracks.add(new Track(trackId(name, artist), name, List.of(a), new AlbumRef(Ids.derive("album", name + artist), name),
                DURATION_MS, false, popularity, Set.of(genres),
                new AudioFeatures(0.5, 0.5, 0.5, 0.1, 0.1, 0.05, 0.5, 5, 1, -8, 120, 4)));
    }
}
