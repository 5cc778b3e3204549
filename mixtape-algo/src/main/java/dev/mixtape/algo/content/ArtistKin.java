package dev.mixtape.algo.content;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The artists whose listeners also play a given artist (its collaborative neighbours, best first), which the seed
 * recommender, track-seeded strategies and playlists draw from before the audio neighbours. Implementations are
 * thread-safe and may change what they answer while serving (a model arrives or is replaced).
 */
@FunctionalInterface
public interface ArtistKin {
    /** No collaborative knowledge: every seed is served by sound and genre alone. */
    ArtistKin NONE = (artist, limit) -> new int[0];

    /** Collaborative neighbours a seed draws from. */
    int NEAREST = 20;
    /** The kinship of the seed's own artist when it has collaborative neighbours: below its best neighbour's. */
    float SELF = 0.7f;
    /** With collaborative neighbours, a candidate's affinity is these shares of sound similarity, genre overlap and kinship. */
    float SOUND_SHARE = 0.3f;
    float GENRE_SHARE = 0.1f;
    float KIN_SHARE = 0.6f;

    /** Up to {@code limit} catalog artists co-listened with {@code artist}, best first; empty when unknown. */
    int[] of(int artist, int limit);

    /**
     * The artist (kinship {@value #SELF}) and its {@value #NEAREST} best collaborative neighbours
     * ({@code 0.9 − 0.5·rank / NEAREST}), in that order; empty when it has none.
     */
    default Map<Integer, Float> kinship(int artist) {
        int[] near = of(artist, NEAREST);
        if (near.length == 0) {
            return Map.of();
        }
        Map<Integer, Float> out = new LinkedHashMap<>();
        out.put(artist, SELF);
        for (int r = 0; r < near.length; r++) {
            out.putIfAbsent(near[r], 0.9f - 0.5f * r / NEAREST);
        }
        return out;
    }

    /** Content neighbours of an uncovered artist whose collaborative neighbourhoods it borrows. */
    int DONORS = 3;

    /**
     * For an artist that {@code covered} rejects (no listener of the model played it), the neighbourhoods of the
     * covered artists closest to it by genre and sound ({@link RelatedArtists}, scene-fenced): its first
     * {@value #DONORS} covered related artists, each weighing {@code 1 / (1 + its rank among them)}, vouch for
     * themselves (weight × 1) and for their own neighbours (weight × (1 − rank / limit)); the best {@code limit} by
     * summed weight. An artist of a {@link Scenes scene} borrows only from donors of its scene and keeps only borrowed
     * neighbours of its scene (the neighbourhood of a covered Indian film composer may hold Hans Zimmer; an uncovered
     * Tamil singer should not inherit him). A covered artist gets its own neighbours; an artist without covered
     * related artists, none.
     */
    static ArtistKin borrowing(ArtistKin known, java.util.function.IntPredicate covered, RelatedArtists content) {
        return borrowing(known, covered, content, () -> true);
    }

    /** @param loaded whether a model is loaded at all (without one there is nothing to borrow, and no related artists are computed) */
    static ArtistKin borrowing(ArtistKin known, java.util.function.IntPredicate covered, RelatedArtists content,
                               java.util.function.BooleanSupplier loaded) {
        return borrowing(known, covered, content::of, content.scenes(), loaded);
    }

    /**
     * {@link #borrowing(ArtistKin, java.util.function.IntPredicate, RelatedArtists)} with other donors: {@code donors}
     * lists the artists closest to an artist, best first (the first {@value #DONORS} covered ones of its scene lend).
     */
    static ArtistKin borrowing(ArtistKin known, java.util.function.IntPredicate covered, java.util.function.IntFunction<int[]> donorsOf,
                               Scenes scenes, java.util.function.BooleanSupplier loaded) {
        return (artist, limit) -> {
            if (covered.test(artist)) {
                return known.of(artist, limit);
            }
            if (!loaded.getAsBoolean()) {
                return new int[0];
            }
            int own = scenes.ofArtist(artist);
            java.util.function.IntPredicate inScene = x -> own == 0 || (scenes.ofArtist(x) & own) != 0;
            java.util.Map<Integer, Float> score = new java.util.HashMap<>();
            int donors = 0;
            for (int d : donorsOf.apply(artist)) {
                if (donors == DONORS) {
                    break;
                }
                if (!covered.test(d) || !inScene.test(d)) {
                    continue;
                }
                float w = 1f / (1 + donors++);
                score.merge(d, w, Float::sum);
                int[] near = known.of(d, limit);
                for (int r = 0; r < near.length; r++) {
                    if (near[r] != artist && inScene.test(near[r])) {
                        score.merge(near[r], w * (1f - (float) r / limit), Float::sum);
                    }
                }
            }
            return score.entrySet().stream()
                    .sorted((x, y) -> x.getValue().equals(y.getValue()) ? Integer.compare(x.getKey(), y.getKey()) : Float.compare(y.getValue(), x.getValue()))
                    .limit(limit).mapToInt(java.util.Map.Entry::getKey).toArray();
        };
    }

    /** A candidate's affinity to a seed with collaborative neighbours: who listens together outweighs how it sounds. */
    static float affinity(float sound, float genre, float kinship) {
        return SOUND_SHARE * sound + GENRE_SHARE * genre + KIN_SHARE * kinship;
    }
}
