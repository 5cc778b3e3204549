package dev.mixtape.app.server;

import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Scenes;
import dev.mixtape.algo.learn.ArtistEmbeddings;
import dev.mixtape.algo.learn.ArtistTags;
import dev.mixtape.algo.content.ArtistKin;
import dev.mixtape.algo.content.RelatedArtists;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.learn.ListenerArtists;
import dev.mixtape.algo.learn.ListeningModel;
import dev.mixtape.algo.strategy.CollaborativeSource;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.core.Catalog;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The collaborative models of one engine's catalog, loaded after the engine is serving (so start-up does
 * not wait for them) and swappable while it serves: the artist neighbours trained on Last.fm (related artists,
 * track-seeded {@code collaborative}) and the listening model trained on our own listeners and Last.fm's
 * ({@link #listening(ListeningModel, String)}), whose per-listener fold-in it caches for sessions and strategies.
 *
 * <p>Thread-safe: the table is replaced atomically, and a request keeps the one it read.
 */
public final class CollaborativeModels implements CollaborativeSource {
    /** Artists nearest by the embeddings among which an uncovered artist finds the covered ones whose neighbours it borrows. */
    static final int DONOR_POOL = 50;
    /** Folded-in listeners kept (about 1 KB each). */
    static final int FOLDED_LISTENERS = 100_000;

    private final Catalog catalog;
    private volatile ArtistNeighbours artists;
    private volatile String status = "not loaded yet";
    private volatile ListeningModel listening;
    private volatile String listeningStatus = "no listening model yet";
    /** Per listener: the model version and event count it was folded in at, and the result. */
    private final Cache<String, Folded> folded = Caffeine.newBuilder().maximumSize(FOLDED_LISTENERS).recordStats().build();

    private record Folded(String state, ListeningModel.Folded value) {}

    private final Runnable onArtistsChanged;
    private volatile EmbeddingsSwap onEmbeddingsSwap;
    private final FeatureSpace space;
    private final Scenes scenes;
    private volatile ArtistTags tags;
    private volatile ArtistEmbeddings embeddings;
    private volatile String embeddingsStatus = "no artist embeddings yet (they are fitted with the listening model)";

    public CollaborativeModels(Catalog catalog) {
        this(new FeatureSpace(catalog), new Scenes(catalog), () -> {});
    }

    /**
     * @param space            the catalog's feature space (the embeddings read its artist centroids)
     * @param onArtistsChanged runs after the artist neighbours or embeddings are replaced (answers built on the old ones are stale)
     */
    public CollaborativeModels(FeatureSpace space, Scenes scenes, Runnable onArtistsChanged) {
        this.catalog = space.catalog();
        this.space = space;
        this.scenes = scenes;
        this.onArtistsChanged = onArtistsChanged;
    }

    /**
     * Told, on the swapping thread, that new embeddings ({@code next}, null for none) are about to serve: what it returns
     * runs right after they do. The engine uses it to compute its hottest cached answers under the new embeddings before
     * the swap and to put them in place right after it, so that the swap does not send every request to a cold cache at
     * once.
     */
    public interface EmbeddingsSwap {
        Runnable preparing(ArtistEmbeddings next);
    }

    /** Sets what prepares the swaps of the embeddings (by default answers built on the old ones are dropped: {@code onArtistsChanged}). */
    public void onEmbeddingsSwap(EmbeddingsSwap swap) {
        this.onEmbeddingsSwap = swap;
    }

    private Runnable preparing(ArtistEmbeddings next) {
        EmbeddingsSwap s = onEmbeddingsSwap;
        return s == null ? onArtistsChanged : s.preparing(next);
    }

    /**
     * The collaborative neighbours of every artist: the model's for the artists it covers; the others borrow the
     * neighbourhoods of the covered artists closest to them ({@link ArtistKin#borrowing}): closest by the
     * {@link ArtistEmbeddings} while they are fitted, else by genre and sound ({@link RelatedArtists}).
     */
    @Override
    public ArtistKin kinOrBorrowed(RelatedArtists content) {
        return kin(this::kin, this::covers, () -> embeddings, content, () -> artists != null);
    }

    /**
     * The neighbours {@link #kinOrBorrowed} serves, from parts the coherence evaluation can blind: {@code known} for a
     * {@code covered} artist; else borrowed from the covered artists among its {@value #DONOR_POOL} nearest by the
     * embeddings {@code placed} supplies (when not null, the artist is placed and one of them is covered); else borrowed
     * from its content-based related artists.
     */
    public static ArtistKin kin(ArtistKin known, java.util.function.IntPredicate covered,
                                java.util.function.Supplier<ArtistEmbeddings> placed, RelatedArtists content,
                                java.util.function.BooleanSupplier loaded) {
        ArtistKin borrowed = ArtistKin.borrowing(known, covered, content, loaded);
        return (artist, limit) -> {
            if (covered.test(artist)) {
                return known.of(artist, limit);
            }
            ArtistEmbeddings e = placed.get();
            if (e != null && e.placed(artist)) {
                int[] lent = ArtistKin.borrowing(known, covered, x -> e.nearest(x, DONOR_POOL), content.scenes(), loaded).of(artist, limit);
                if (lent.length > 0) {
                    return lent;
                }
            }
            return borrowed.of(artist, limit);
        };
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The artist embeddings served, or null. */
    public ArtistEmbeddings embeddings() {
        return embeddings;
    }

    /** What artist embeddings serve, or why none do. */
    public String embeddingsStatus() {
        return embeddingsStatus;
    }

    /** The listener tags of catalog artists the embeddings read (null: none); refits them when a listening model serves. */
    public void tags(ArtistTags tags) {
        this.tags = tags;
        refit();
    }

    public ArtistTags tags() {
        return tags;
    }

    /** Fits the embeddings on the listening model served (none without one); a failure keeps serving without them. */
    private synchronized void refit() {
        Fit f = fit(listening);
        Runnable after = preparing(f.embeddings());
        embeddings = f.embeddings();
        embeddingsStatus = f.why();
        after.run();
    }

    private record Fit(ArtistEmbeddings embeddings, String why) {}

    /** The embeddings fitted on {@code m} (null without one, or when the fit fails: {@code why} says so). */
    private Fit fit(ListeningModel m) {
        ArtistEmbeddings fitted = null;
        String why;
        if (m == null) {
            why = "no artist embeddings: no listening model serves";
        } else {
            try {
                fitted = ArtistEmbeddings.fit(catalog, space, scenes, m, tags, a -> false);
                why = "artist embeddings: " + fitted.info().get("learned_artists") + " artists learned from listening, "
                        + fitted.info().get("placed_artists") + " placed; fitted on " + m.version() + " in " + fitted.info().get("fit_ms") + " ms";
            } catch (RuntimeException e) {
                why = "artist embeddings not fitted: " + e.getMessage();
                org.slf4j.LoggerFactory.getLogger(CollaborativeModels.class).atWarn().log(why);
            }
        }
        return new Fit(fitted, why);
    }

    /** The artist neighbours, or null while none are loaded. */
    @Override
    public ArtistNeighbours artists() {
        return artists;
    }

    /**
     * Serves {@code neighbours} (null: none) from now on.
     *
     * @throws IllegalArgumentException when they were built for another catalog
     */
    public void artists(ArtistNeighbours neighbours, String why) {
        if (neighbours != null && neighbours.catalog() != catalog) {
            throw new IllegalArgumentException("the artist neighbours were built for another catalog");
        }
        this.artists = neighbours;
        this.status = why;
        onArtistsChanged.run();
    }

    /** What is loaded, or why nothing is. */
    public String status() {
        return status;
    }

    /** The listening model served, or null. */
    @Override
    public ListeningModel listening() {
        return listening;
    }

    /** What listening model serves, or why none does. */
    public String listeningStatus() {
        return listeningStatus;
    }

    /**
     * Serves {@code model} (null: none) from now on; requests that already read the old one finish on it. Its artist
     * embeddings are fitted first, on the caller's thread (the trainer's), and the answers that depend on them prepared
     * ({@link EmbeddingsSwap}); then model and embeddings are swapped in together (a few field writes), so no request
     * sees the new model with the old embeddings and the fit's CPU is not spent while the new model already serves
     * ({@code mixtape bench swap}, docs/BENCHMARKS.md).
     *
     * @throws IllegalArgumentException when it was trained for another catalog
     */
    public void listening(ListeningModel model, String why) {
        if (model != null && model.catalog() != catalog) {
            throw new IllegalArgumentException("the listening model was built for another catalog");
        }
        Fit f = fit(model);
        Runnable after = preparing(f.embeddings());
        synchronized (this) {
            this.listening = model;
            this.listeningStatus = why;
            embeddings = f.embeddings();
            embeddingsStatus = f.why();
        }
        // entries of the old version are never served (their state names it); dropping them frees the memory now
        folded.invalidateAll();
        after.run();
    }

    /**
     * The listener's scores under the listening model, from their history as it stands: the fold-in is cached per
     * listener until their event count (or the model) changes, so an acknowledged event changes the next answer.
     */
    @Override
    public ArtistScores scores(ListenerState l, Instant now) {
        ListeningModel m = listening;
        if (m == null) {
            return null;
        }
        String id = l.listener().id();
        String state = m.version() + ":" + l.listener().eventCount();
        Folded f = folded.getIfPresent(id);
        if (f == null || !f.state().equals(state)) {
            f = new Folded(state, m.foldIn(ListenerArtists.of(catalog, l.history(), now, m.config())));
            folded.put(id, f);
        }
        return f.value().vector() == null ? null : m.scores(f.value());
    }

    /**
     * Names what is served, for answers and cache keys: the listening model's version and, when artist neighbours are
     * loaded, {@code a} and a hash of their description (dataset, model, training time), so that cached answers built
     * on an older artist model are never served after a swap, here or on another instance sharing the cache.
     */
    @Override
    public String version() {
        String v = CollaborativeSource.super.version();
        ArtistNeighbours n = artists;
        if (n == null) {
            return v;
        }
        String a = "a" + Integer.toHexString(status.hashCode());
        return "-".equals(v) ? a : v + "+" + a;
    }

    /** Drops a listener's fold-in (after they are deleted). */
    public void forget(String userId) {
        folded.invalidate(userId);
    }

    /**
     * Related artists.
     *
     * @param source {@code collaborative} when the list starts with the artist's collaborative neighbours, {@code borrowed}
     *               when with those it borrows (the model does not cover it), {@code content} when it is content-based alone
     */
    public record Related(int[] artists, String source) {
        public boolean collaborative() {
            return !source.equals("content");
        }
    }

    /**
     * Up to {@link RelatedArtists#MAX_RELATED} related artists of {@code artist}: its collaborative neighbours, or for
     * an artist the model does not cover those it borrows ({@link ArtistKin#borrowing}), when it has any (those its
     * {@link dev.mixtape.algo.content.Scenes scenes} allow), best first, topped up with the content-based ones not already listed; otherwise the
     * content-based ones alone.
     */
    public Related related(int artist, RelatedArtists content) {
        return related(artist, content, kinOrBorrowed(content), covers(artist) ? "collaborative" : "borrowed");
    }

    /**
     * {@link #related(int, RelatedArtists)} with the given collaborative neighbours (the coherence evaluation blinds them).
     *
     * @param source what the neighbours are when there are any ({@link Related#source()})
     */
    public static Related related(int artist, RelatedArtists content, ArtistKin kin, String source) {
        int max = RelatedArtists.MAX_RELATED;
        int[] near = kin.of(artist, 2 * max);
        if (near.length == 0) {
            return new Related(content.of(artist), "content");
        }
        Set<Integer> out = new LinkedHashSet<>();
        dev.mixtape.algo.content.Scenes scenes = content.scenes();
        int open = scenes.ofArtist(artist);
        for (int a : near) {
            if (out.size() < max && scenes.allowsArtist(open, a)) {
                out.add(a);
            }
        }
        for (int a : content.of(artist)) {
            if (out.size() == max) {
                break;
            }
            out.add(a);
        }
        return new Related(out.stream().mapToInt(Integer::intValue).toArray(), source);
    }

    @Override
    public String toString() {
        return "CollaborativeModels[" + status + "]";
    }
}
