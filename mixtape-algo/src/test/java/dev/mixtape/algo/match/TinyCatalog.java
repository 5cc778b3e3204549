package dev.mixtape.algo.match;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Ids;
import dev.mixtape.core.TextNormalizer;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** A small catalog for tests, with artist ids derived from folded names as the importer does. */
public final class TinyCatalog {
    private final CatalogBuilder builder = new CatalogBuilder();
    private int next;

    /** Adds a track by {@code artists} (the first is the primary artist). */
    public TinyCatalog track(String name, int popularity, String... artists) {
        List<ArtistRef> refs = new ArrayList<>();
        for (String a : artists) {
            refs.add(new ArtistRef(Ids.derive("artist", TextNormalizer.fold(a)), a));
        }
        AudioFeatures f = new AudioFeatures(0.5, 0.5, 0.5, 0, 0.1, 0.05, 0.5, 5, 1, -6, 120, 4);
        builder.add(new Track("t" + next++, name, refs, new AlbumRef("al" + next, "Album " + next), 200_000, false,
                popularity, Set.of("pop"), f));
        return this;
    }

    public Catalog build() {
        return builder.build();
    }

    /** The index of the artist named {@code name} (exactly), or -1. */
    public static int artist(Catalog c, String name) {
        for (int a = 0; a < c.artistCount(); a++) {
            if (c.artistName(a).equals(name)) {
                return a;
            }
        }
        return -1;
    }
}
