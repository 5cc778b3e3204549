package dev.mixtape.algo.learn;

import dev.mixtape.core.Catalog;
import dev.mixtape.algo.content.TopK;
import java.util.Arrays;
import java.util.BitSet;

/**
 * A listener's scores for every catalog artist under the listening model (their folded-in vector against each
 * artist's factors), and which artists they already play. {@link Float#NEGATIVE_INFINITY}: an artist the model
 * does not know. Immutable after construction; {@link #normalised} is computed once.
 */
public final class ArtistScores {
    private final float[] scores;
    private final BitSet known;
    private final float scale;
    private final ListeningModel model;

    ArtistScores(float[] scores, BitSet known, ListeningModel model) {
        this.scores = scores;
        this.known = known;
        this.model = model;
        float best = 0;
        for (int a = 0; a < scores.length; a++) {
            if (!known.get(a) && scores[a] > best) {
                best = scores[a];
            }
        }
        this.scale = best;
    }

    /** The model the scores come from. */
    public ListeningModel model() {
        return model;
    }

    /** Of the listener's artists, the one that best explains {@code artist} (nearest in the model), or -1. */
    public int because(int artist) {
        return model.closest(artist, topKnown(10));
    }

    /**
     * Why the model offers {@code artist}: "Listeners of X also play Y", X being the listener's artist nearest it in
     * the model, or "Listeners with your taste play Y" when none of theirs is near.
     */
    public String explain(int artist) {
        Catalog c = model.catalog();
        int via = because(artist);
        return via < 0 ? "Listeners with your taste play " + c.artistName(artist) : alsoPlay(c, via, artist);
    }

    /** "Listeners of X also play Y", the one wording of a collaborative reason on every surface. */
    public static String alsoPlay(Catalog c, int listenedTo, int alsoPlayed) {
        return "Listeners of " + c.artistName(listenedTo) + " also play " + c.artistName(alsoPlayed);
    }

    public int artists() {
        return scores.length;
    }

    /** The raw score of {@code artist} (dot product), or {@link Float#NEGATIVE_INFINITY} when the model does not know it. */
    public float score(int artist) {
        return scores[artist];
    }

    /** Whether the listener already plays {@code artist} (it is in the history the scores were folded from). */
    public boolean known(int artist) {
        return known.get(artist);
    }

    /** How many artists the listener's history gave the model. */
    public int knownCount() {
        return known.cardinality();
    }

    /**
     * The score on 0–1: relative to the best artist the listener does not play yet (which scores 1), clamped; 0 for
     * an artist the model does not know.
     */
    public double normalised(int artist) {
        float s = scores[artist];
        if (!(s > 0) || !(scale > 0)) {
            return 0;
        }
        return Math.min(1.0, s / scale);
    }

    /** The {@code k} best artists, best first; artists the listener plays left out when {@code skipKnown}. */
    public int[] top(int k, boolean skipKnown) {
        if (k <= 0) {
            return new int[0];
        }
        TopK top = new TopK(Math.min(k, scores.length));
        for (int a = 0; a < scores.length; a++) {
            if (scores[a] > Float.NEGATIVE_INFINITY && !(skipKnown && known.get(a))) {
                top.offer(a, scores[a]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }

    /** The {@code k} best-scored artists the listener already plays, best first. */
    public int[] topKnown(int k) {
        if (k <= 0 || known.isEmpty()) {
            return new int[0];
        }
        TopK top = new TopK(Math.min(k, known.cardinality()));
        for (int a = known.nextSetBit(0); a >= 0; a = known.nextSetBit(a + 1)) {
            if (scores[a] > Float.NEGATIVE_INFINITY) {
                top.offer(a, scores[a]);
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }

    @Override
    public String toString() {
        return "ArtistScores[" + model.version() + ", known " + knownCount() + ", best " + Arrays.toString(top(3, true)) + "]";
    }
}
