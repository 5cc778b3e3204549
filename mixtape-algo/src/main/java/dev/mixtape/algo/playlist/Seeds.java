package dev.mixtape.algo.playlist;

import java.util.List;

/**
 * What seed gathering found: anchor tracks (points in the audio space to search around) and artists to
 * draw tracks from, each with why it was chosen.
 */
public record Seeds(List<Anchor> anchors, List<SeedArtist> artists) {
    public Seeds {
        anchors = List.copyOf(anchors);
        artists = List.copyOf(artists);
    }

    /** Why a track is an anchor. */
    public enum AnchorKind {
        /** Named in the prompt. */
        MENTIONED_TRACK,
        /** A top track of an artist named in the prompt. */
        ARTIST_TOP_TRACK,
        /** From the request's {@link AnchorSource} (e.g. a listener's top tracks). */
        EXTRA,
        /** A popular track of a wanted genre (or of a genre near the target) that fits the target. */
        GENRE_REPRESENTATIVE
    }

    /**
     * @param track the anchor (a dense track index)
     * @param via   the artist for {@code ARTIST_TOP_TRACK}, the genre for {@code GENRE_REPRESENTATIVE}, else -1
     */
    public record Anchor(int track, AnchorKind kind, int via) {}

    /** Why an artist's tracks are drawn on, and how strongly (its kinship, 0–1). */
    public enum ArtistKind {
        /** Named in the prompt; an anchor track's artist; one whose listeners also play a mentioned or anchor artist
         * (its collaborative neighbour, {@link dev.mixtape.algo.content.ArtistKin}); related by genre and sound; of a genre. */
        MENTIONED(1f), ANCHOR_ARTIST(0.8f), CO_LISTENED(0.75f), RELATED(0.6f), GENRE(0.5f);

        final float kinship;

        ArtistKind(float kinship) {
            this.kinship = kinship;
        }

        public float kinship() {
            return kinship;
        }
    }

    /**
     * @param artist the artist (a dense index)
     * @param via    the artist it is related to for {@code RELATED} and {@code CO_LISTENED}, the genre for {@code GENRE}, else -1
     * @param score  the pruning score it was kept by (see {@link SeedGatherer})
     */
    public record SeedArtist(int artist, ArtistKind kind, int via, float score) {}
}
