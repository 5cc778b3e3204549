package dev.mixtape.storage.snapshot;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Track;
import java.util.List;
import java.util.Set;

/** A few tracks for snapshot tests, one with a duration beyond float precision. */
final class SnapshotFixture {
    private SnapshotFixture() {}

    static final ArtistRef A = new ArtistRef("a1", "Sigur Rós");
    static final ArtistRef B = new ArtistRef("a2", "Daft Punk");
    static final AudioFeatures F = new AudioFeatures(0.25, 0.5, 0.75, 0.0, 0.125, 0.0625, 0.5, 3, 1, -7.5, 110.0, 4);

    static List<Track> tracks() {
        return List.of(
                new Track("s1", "Hoppípolla", List.of(A), new AlbumRef("al1", "Takk..."), 270_000, false, 60, Set.of("post-rock"), F),
                new Track("s2", "Get Lucky", List.of(B, A), new AlbumRef("al2", "RAM"), 369_626, false, 85, Set.of("disco", "pop"), F),
                new Track("s3", "Long", List.of(B), new AlbumRef("al2", "RAM"), 20_000_001, true, 5, Set.of(), F));
    }

    static Track renamed() {
        return new Track("s1", "Hoppípolla (live)", List.of(A), new AlbumRef("al1", "Takk..."), 270_000, false, 61,
                Set.of("post-rock"), F);
    }
}
