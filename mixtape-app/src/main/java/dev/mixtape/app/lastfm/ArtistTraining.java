package dev.mixtape.app.lastfm;

import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.InteractionData;
import java.util.Arrays;
import java.util.BitSet;

/**
 * The training matrix of {@link LastFmImport}: Last.fm users × matched catalog artists. Last.fm artists
 * matched to one catalog artist are merged (their plays summed); a catalog artist with fewer than
 * {@code minListeners} distinct listeners is left out. Items are the kept catalog artists in artist-id
 * order, users those with a kept row in first-seen order, so the same data and catalog give the same model.
 *
 * @param itemArtist   the catalog artist of each model item
 * @param usersCovered Last.fm users with at least one play of a matched artist (before the listener cut)
 */
record ArtistTraining(InteractionMatrix matrix, int[] itemArtist, int usersCovered) {

    /** @param artistOf catalog artist per Last.fm artist index, -1 when unmatched */
    static ArtistTraining build(InteractionData rows, int[] artistOf, int minListeners, Catalog catalog) {
        int n = rows.size();
        int[] user = rows.user();
        int[] item = rows.item();
        float[] weight = rows.weight();
        BitSet[] listeners = new BitSet[catalog.artistCount()];
        BitSet covered = new BitSet();
        for (int k = 0; k < n; k++) {
            int a = artistOf[item[k]];
            if (a >= 0 && weight[k] > 0) {
                if (listeners[a] == null) {
                    listeners[a] = new BitSet();
                }
                listeners[a].set(user[k]);
                covered.set(user[k]);
            }
        }
        int[] itemArtist = java.util.stream.IntStream.range(0, listeners.length)
                .filter(a -> listeners[a] != null && listeners[a].cardinality() >= minListeners).boxed()
                .sorted((x, y) -> catalog.artistId(x).compareTo(catalog.artistId(y)))
                .mapToInt(Integer::intValue).toArray();
        int[] itemOf = new int[catalog.artistCount()];
        Arrays.fill(itemOf, -1);
        for (int i = 0; i < itemArtist.length; i++) {
            itemOf[itemArtist[i]] = i;
        }
        int[] userIndex = new int[rows.users().size()];
        Arrays.fill(userIndex, -1);
        int users = 0;
        int[] u = new int[n];
        int[] it = new int[n];
        float[] w = new float[n];
        int m = 0;
        for (int k = 0; k < n; k++) {
            int a = artistOf[item[k]];
            if (a < 0 || itemOf[a] < 0 || weight[k] <= 0) {
                continue;
            }
            if (userIndex[user[k]] < 0) {
                userIndex[user[k]] = users++;
            }
            u[m] = userIndex[user[k]];
            it[m] = itemOf[a];
            w[m++] = weight[k];
        }
        InteractionMatrix matrix = InteractionMatrix.of(users, itemArtist.length, Arrays.copyOf(u, m),
                Arrays.copyOf(it, m), Arrays.copyOf(w, m));
        return new ArtistTraining(matrix, itemArtist, covered.cardinality());
    }
}
