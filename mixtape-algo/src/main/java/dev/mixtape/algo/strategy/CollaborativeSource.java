package dev.mixtape.algo.strategy;

import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.learn.ListeningModel;
import java.time.Instant;

/**
 * The collaborative knowledge the strategies read, which can arrive after they are built and be swapped while
 * they serve: the artist neighbours (Last.fm item-kNN) and the listening model's scores for a listener. Thread-safe.
 */
public interface CollaborativeSource {
    CollaborativeSource NONE = new CollaborativeSource() {
        @Override
        public ArtistNeighbours artists() {
            return null;
        }

        @Override
        public ArtistScores scores(ListenerState listener, Instant now) {
            return null;
        }

        @Override
        public ListeningModel listening() {
            return null;
        }
    };

    /** The artist neighbours, or null while there are none. */
    ArtistNeighbours artists();

    /**
     * The listener's scores for every artist under the listening model, folded in from their current history (cached
     * until their next event); null when no model is loaded or the history gives it nothing.
     */
    ArtistScores scores(ListenerState listener, Instant now);

    /** The listening model served, or null. */
    ListeningModel listening();

    /** Whether the artist neighbours know the artist (its listeners played it); false while there are none. */
    default boolean covers(int artist) {
        ArtistNeighbours n = artists();
        return n != null && n.covers(artist);
    }

    /** Up to {@code limit} of the artist's collaborative neighbours, best first; empty when none are loaded or it is not covered. */
    default int[] kin(int artist, int limit) {
        ArtistNeighbours n = artists();
        return n == null || !n.covers(artist) ? new int[0] : n.neighbours(artist, limit);
    }

    /**
     * The collaborative neighbours of every artist: {@link #kin} for the covered ones; the others borrow the
     * neighbourhoods of the covered artists closest to them (here by {@code content}, genre and sound;
     * the server's models use its artist embeddings while they are fitted).
     */
    default dev.mixtape.algo.content.ArtistKin kinOrBorrowed(dev.mixtape.algo.content.RelatedArtists content) {
        return dev.mixtape.algo.content.ArtistKin.borrowing(this::kin, this::covers, content, () -> artists() != null);
    }

    /** Names the listening model served (for cache keys), "-" when none. */
    default String version() {
        ListeningModel m = listening();
        return m == null ? "-" : m.version();
    }
}
