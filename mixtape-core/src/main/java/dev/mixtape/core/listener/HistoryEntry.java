package dev.mixtape.core.listener;

import java.time.Instant;

/**
 * What a listener did with one track, aggregated incrementally as events arrive.
 *
 * @param playScore time-decayed play count on the store's fixed reference scale; {@link PlayDecay#decayed}
 *                  turns it into the decayed count at a given time
 * @param plays     plays counted (a play counts in full from 30 s or half the track, pro rata below)
 */
public record HistoryEntry(String trackId, double playScore, double plays, int skips, int likes, int saves,
                           int dislikes, Instant lastEventAt) {
    /** Highest play score first, then by track id, so equal scores list in a stable order. */
    public static final java.util.Comparator<HistoryEntry> BY_PLAY_SCORE = java.util.Comparator.comparingDouble(HistoryEntry::playScore)
            .reversed().thenComparing(HistoryEntry::trackId);

    /** The row one event adds to its track's history ({@code plays}: the play count it is worth, 0 for non-plays). */
    public static HistoryEntry of(ListeningEvent e, double plays) {
        return switch (e.type()) {
            case PLAY -> new HistoryEntry(e.trackId(), PlayDecay.weight(plays, e.timestamp()), plays, 0, 0, 0, 0, e.timestamp());
            case SKIP -> new HistoryEntry(e.trackId(), 0, 0, 1, 0, 0, 0, e.timestamp());
            case LIKE -> new HistoryEntry(e.trackId(), 0, 0, 0, 1, 0, 0, e.timestamp());
            case SAVE -> new HistoryEntry(e.trackId(), 0, 0, 0, 0, 1, 0, e.timestamp());
            case DISLIKE -> new HistoryEntry(e.trackId(), 0, 0, 0, 0, 0, 1, e.timestamp());
        };
    }

    /** This row with {@code other}'s counts added (the later of the two last-event times). */
    public HistoryEntry plus(HistoryEntry other) {
        return new HistoryEntry(trackId, playScore + other.playScore, plays + other.plays, skips + other.skips, likes + other.likes,
                saves + other.saves, dislikes + other.dislikes, lastEventAt.isAfter(other.lastEventAt) ? lastEventAt : other.lastEventAt);
    }

    /**
     * How much the row says the listener likes the track at {@code now}: decayed plays + likes + saves − ½·skips
     * − 2·dislikes (0 or less: not liked).
     */
    public double affinity(java.time.Instant now) {
        return PlayDecay.decayed(playScore, now) + likes + saves - 0.5 * skips - 2.0 * dislikes;
    }

    /** Net explicit feedback: saves and likes count for, dislikes against. */
    public int feedback() {
        return likes + saves - 2 * dislikes;
    }
}
