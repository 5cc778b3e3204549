package dev.mixtape.app.lastfm;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Ids;
import dev.mixtape.core.TextNormalizer;
import dev.mixtape.core.Track;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A tiny Last.fm folder and catalog: six listeners of rock and pop artists, some missing from the catalog. */
final class LastFmFixture {
    private LastFmFixture() {}

    static final String[] ARTISTS = {"The Killers", "Kings of Leon", "Ke$ha", "Katy Perry", "Depeche Mode", "Lady Gaga feat. Beyoncé", "Obscure"};

    /** Writes {@code user_artists.dat} and {@code artists.dat} into {@code dir}. */
    static Path write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder artists = new StringBuilder("id\tname\turl\tpictureURL\n");
        for (int i = 0; i < ARTISTS.length; i++) {
            artists.append(i + 1).append('\t').append(ARTISTS[i]).append("\thttp://x\thttp://y\n");
        }
        Files.writeString(dir.resolve("artists.dat"), artists);
        // users 1-3 play rock (1, 2, 5), users 4-6 play pop (3, 4, 6); user 7 plays only the obscure artist
        String ua = "userID\tartistID\tweight\n"
                + "1\t1\t100\n1\t2\t50\n1\t5\t1000\n"
                + "2\t1\t80\n2\t2\t60\n2\t5\t10\n"
                + "3\t1\t30\n3\t2\t20\n"
                + "4\t3\t200\n4\t4\t100\n4\t6\t5\n"
                + "5\t3\t150\n5\t4\t120\n5\t6\t7\n"
                + "6\t3\t90\n6\t4\t10\n6\t6\t9\n"
                + "7\t7\t3\n";
        Files.writeString(dir.resolve("user_artists.dat"), ua);
        return dir;
    }

    static Catalog catalog() {
        List<Track> tracks = new ArrayList<>();
        String[][] rows = {
            {"Mr. Brightside", "80", "The Killers"}, {"Human", "70", "The Killers"},
            {"Use Somebody", "75", "Kings of Leon"}, {"Sex on Fire", "85", "Kings of Leon"},
            {"Tik Tok", "78", "Kesha"}, {"Roar", "82", "Katy Perry"}, {"Firework", "60", "Katy Perry"},
            {"Bad Romance", "88", "Lady Gaga"}, {"Telephone", "70", "Lady Gaga", "Beyoncé"},
            {"Quiet", "10", "Someone Else"}};
        int n = 0;
        for (String[] r : rows) {
            List<ArtistRef> refs = new ArrayList<>();
            for (int k = 2; k < r.length; k++) {
                refs.add(new ArtistRef(Ids.derive("artist", TextNormalizer.fold(r[k])), r[k]));
            }
            tracks.add(new Track("t" + n++, r[0], refs, new AlbumRef("al" + n, "Album"), 200_000, false,
                    Integer.parseInt(r[1]), Set.of("pop"), new AudioFeatures(0.5, 0.5, 0.5, 0, 0.1, 0.05, 0.5, 5, 1, -6, 120, 4)));
        }
        return new CatalogBuilder().addAll(tracks).build();
    }

    static int artist(Catalog c, String name) {
        for (int a = 0; a < c.artistCount(); a++) {
            if (c.artistName(a).equals(name)) {
                return a;
            }
        }
        throw new AssertionError(name);
    }
}
