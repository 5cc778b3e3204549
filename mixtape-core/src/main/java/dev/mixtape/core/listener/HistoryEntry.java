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
    /** Net explicit feedback: saves and likes count for, dislikes against. */
    public int feedback() {
        return likes + saves - 2 * dislikes;
    }
}
