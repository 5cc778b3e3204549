package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.ArtistKin;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.MoodTarget;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;

/**
 * Mood-to-playlist, phases 2–6: from a {@link MoodTarget} (phase 1's output) to an ordered, explained
 * {@link Playlist}.
 * <ol start="2">
 *   <li>seed gathering ({@link SeedGatherer});</li>
 *   <li>generation: the {@link AnchorGenerator anchor-}, {@link ArtistGenerator artist-} and
 *       {@link TargetGenerator target-based} generators run concurrently on virtual threads into one
 *       {@link CandidatePool} of at most {@link PlaylistConfig#maxPool()} tracks, each keeping its
 *       provenance. When genres are wanted and fewer than min({@link PlaylistConfig#minPool()}, 3 × length)
 *       candidates have one, the target search is repeated over all genres (reported as relaxed);</li>
 *   <li>quality: the pool's best are picked, at most {@link PlaylistConfig#maxPerArtist()} per primary
 *       artist and each song once (the cap is raised, and reported, only when the pool cannot fill the
 *       playlist otherwise), and scored ({@link PlaylistQuality});</li>
 *   <li>improvement ({@link PlaylistImprover}), skipped in fast mode;</li>
 *   <li>ordering ({@link ArcOrderer}), then the final scores and the explanations.</li>
 * </ol>
 * Hard exclusions (explicit content, excluded genres and artists) are never violated: no generator
 * proposes an excluded track and the pool drops any once more. The same target and seed give the same
 * playlist.
 *
 * <p>Thread-safe. Catalog-sized working memory is pooled; at most twice as many requests as there are
 * cores compute at once, the rest wait their turn.
 */
public final class PlaylistGenerator {
    private final FeatureSpace space;
    private final Catalog catalog;
    private final GenreSets genreSets;
    private final SongKeys songs;
    private final PlaylistConfig config;
    private final float[] catalogMean;
    private final SeedGatherer gatherer;
    private final AnchorGenerator anchorGenerator;
    private final TargetGenerator targetGenerator;
    private final TargetGenerator anywhereGenerator;
    private final ArcOrderer orderer;
    private final Selector selector;
    private final Explainer explainer;
    private final ThreadFactory threads = Thread.ofVirtual().name("playlist-generator-", 0).factory();
    private final ConcurrentLinkedQueue<PlaylistScratch> scratches = new ConcurrentLinkedQueue<>();
    private final Semaphore permits = new Semaphore(Math.max(2, 2 * Runtime.getRuntime().availableProcessors()));

    /**
     * Builds the generator's own song keys (versions of a song count as one, see {@link SongKeys}): about
     * as costly as a pass over the catalog's track names.
     */
    public PlaylistGenerator(FeatureSpace space, GenreSets genreSets, RelatedArtists related, PlaylistConfig config) {
        this(space, genreSets, related, ArtistKin.NONE, config);
    }

    /** @param kin collaborative neighbours of an artist, which the artists a prompt mentions expand through */
    public PlaylistGenerator(FeatureSpace space, GenreSets genreSets, RelatedArtists related, ArtistKin kin, PlaylistConfig config) {
        this.space = space;
        this.catalog = space.catalog();
        this.genreSets = genreSets;
        this.songs = new SongKeys(catalog, true);
        this.config = config;
        this.catalogMean = TargetProfile.catalogMean(space);
        this.gatherer = new SeedGatherer(space, related, kin);
        this.anchorGenerator = new AnchorGenerator(space, kin);
        this.targetGenerator = new TargetGenerator(space, true);
        this.anywhereGenerator = new TargetGenerator(space, false);
        this.orderer = new ArcOrderer(space);
        this.selector = new Selector(catalog, songs);
        this.explainer = new Explainer(catalog);
    }

    /** A generator with its own {@link FeatureSpace}, {@link GenreSets} and {@link RelatedArtists} (tests, tools). */
    public static PlaylistGenerator of(Catalog catalog, PlaylistConfig config) {
        FeatureSpace space = new FeatureSpace(catalog);
        GenreSets genres = new GenreSets(catalog);
        return new PlaylistGenerator(space, genres, new RelatedArtists(space, genres), config);
    }

    public PlaylistConfig config() {
        return config;
    }

    public Catalog catalog() {
        return catalog;
    }

    public Playlist generate(MoodTarget target, long seed) {
        return generate(new PlaylistRequest(target, seed), config);
    }

    public Playlist generate(PlaylistRequest request) {
        return generate(request, config);
    }

    /** Like {@link #generate(PlaylistRequest)} with other knobs for this request. */
    public Playlist generate(PlaylistRequest request, PlaylistConfig config) {
        long t0 = System.nanoTime();
        MoodTarget target = request.target();
        TargetProfile p = new TargetProfile(target, space, genreSets, catalogMean, true);
        Seeds seeds = gatherer.gather(p, request.extraAnchors(), config);
        long t1 = System.nanoTime();
        permits.acquireUninterruptibly();
        PlaylistScratch s = acquire();
        try {
            List<String> relaxed = new ArrayList<>();
            int length = target.length();
            CandidateGenerator[] gens = {anchorGenerator, new ArtistGenerator(catalog, config.tracksPerArtist()), targetGenerator};
            int[] budgets = {config.maxPool(), Math.max(config.maxArtists(), seeds.artists().size()) * config.tracksPerArtist(),
                config.maxPool()};
            float[][] scratch = {s.anchorDistance, null, s.targetDistance};
            Candidates[] lists = circle(runConcurrently(gens, budgets, scratch, p, seeds), seeds, length);
            CandidatePool pool = CandidatePool.merge(lists, p, catalog, s.slotOf, config.maxPool(), request.seed(), (float) config.variety());
            int needed = Math.min(config.minPool(), 3 * length);
            if (p.genres().length > 0 && pool.inGenre() < needed) {
                int before = pool.inGenre();
                Candidates wide = anywhereGenerator.generate(p, seeds, config.maxPool(), s.targetDistance);
                pool = CandidatePool.merge(new Candidates[] {lists[0], lists[1], lists[2], wide}, p, catalog, s.slotOf,
                        config.maxPool(), request.seed(), (float) config.variety());
                relaxed.add("genres: only " + before + " candidates in " + genreList(p) + " (fewer than " + needed
                        + "); added tracks from other genres near the target, " + pool.size + " candidates now");
            }
            long t2 = System.nanoTime();

            int[] blocked = config.includeMentionedTracks() ? new int[0] : selector.songsOf(mentionedTracks(target));
            int[] selected = new int[length];
            int[] order = identity(pool.size);
            int cap = config.maxPerArtist();
            int n = selector.pick(pool, selected, 0, order, pool.size, length, cap, blocked, s, selected);
            if (n < length) {
                int available = n;
                int most = selector.pick(pool, selected, 0, order, pool.size, length, length, blocked, s, selected);
                if (most > available) {
                    while (n < most) {
                        cap++;
                        n = selector.pick(pool, selected, 0, order, pool.size, length, cap, blocked, s, selected);
                    }
                    relaxed.add("max_per_artist: raised from " + config.maxPerArtist() + " to " + cap + ": with "
                            + config.maxPerArtist() + " per artist the " + pool.size + " candidates gave only "
                            + available + " of " + length + " tracks");
                } else {
                    n = selector.pick(pool, selected, 0, order, pool.size, length, cap, blocked, s, selected);
                }
                if (n < length) {
                    relaxed.add("length: only " + n + " of " + length + " tracks could be found that satisfy the exclusions");
                }
            }
            PlaylistQuality quality = new PlaylistQuality(space, config.weights());
            PlaylistImprover improver = new PlaylistImprover(space, quality, orderer, selector);
            PlaylistQuality.Scores scores = improver.evaluate(pool, selected, n, p, target.arc(), config.maxPerArtist());
            long t3 = System.nanoTime();

            PlaylistImprover.Result improved = improver.improve(pool, selected, n, scores, p, config, cap, blocked, s);
            long t4 = System.nanoTime();

            int[] tracks = new int[n];
            for (int i = 0; i < n; i++) {
                tracks[i] = pool.track[improved.selected()[i]];
            }
            int[] ordered = orderer.order(tracks, n, target.arc());
            PlaylistQuality.Scores finalScores = quality.evaluate(ordered, n, p, config.maxPerArtist());
            long t5 = System.nanoTime();

            List<Playlist.Entry> entries = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int slot = poolIndex(improved.selected(), n, pool, ordered[i]);
                entries.add(entry(pool, slot, p, seeds, request.extraAnchors()));
            }
            long t6 = System.nanoTime();
            Playlist.Timings timings = new Playlist.Timings(ms(t1 - t0), ms(t2 - t1), ms(t3 - t2), ms(t4 - t3), ms(t5 - t4), ms(t6 - t0));
            return new Playlist(entries, finalScores, improved.iterations(), relaxed, p.notes(), timings, pool.size, seeds);
        } finally {
            scratches.offer(s);
            permits.release();
        }
    }

    /**
     * When the prompt's artists have collaborative neighbours ({@link Seeds.ArtistKind#CO_LISTENED}), the prompt is
     * about them and the artists their listeners play: every generator's proposals are kept to the seed artists'
     * tracks. When those give fewer than {@value #CIRCLE_LENGTHS} × the length tracks, or fewer primary artists than
     * the length (so that the per-artist cap can hold), the anchor generator's other proposals fill up, highest
     * affinity first (tracks near the anchors' sound), and then the target generator's.
     */
    private Candidates[] circle(Candidates[] lists, Seeds seeds, int length) {
        java.util.BitSet artists = new java.util.BitSet();
        boolean colistened = false;
        for (Seeds.SeedArtist a : seeds.artists()) {
            artists.set(a.artist());
            colistened |= a.kind() == Seeds.ArtistKind.CO_LISTENED;
        }
        if (!colistened) {
            return lists;
        }
        Candidates[] out = new Candidates[lists.length];
        java.util.BitSet tracks = new java.util.BitSet();
        java.util.BitSet present = new java.util.BitSet();
        for (int i = 0; i < lists.length; i++) {
            out[i] = lists[i].byArtists(artists, catalog);
            for (int k = 0; k < out[i].size(); k++) {
                tracks.set(out[i].track(k));
                present.set(catalog.trackArtists(out[i].track(k))[0]);
            }
        }
        for (int i = 0; i < lists.length && (tracks.cardinality() < CIRCLE_LENGTHS * length || present.cardinality() < length); i++) {
            Candidates c = lists[i];
            Integer[] order = new Integer[c.size()];
            for (int k = 0; k < order.length; k++) {
                order[k] = k;
            }
            java.util.Arrays.sort(order, (x, y) -> Float.compare(c.affinity(y), c.affinity(x)));
            for (int k = 0; k < order.length && (tracks.cardinality() < CIRCLE_LENGTHS * length || present.cardinality() < length); k++) {
                int t = c.track(order[k]);
                if (!artists.get(catalog.trackArtists(t)[0]) && !tracks.get(t)) {
                    tracks.set(t);
                    present.set(catalog.trackArtists(t)[0]);
                    out[i].add(t, c.affinity(order[k]), c.ref(order[k]));
                }
            }
        }
        return out;
    }

    static final int CIRCLE_LENGTHS = 2;

    private Playlist.Entry entry(CandidatePool pool, int i, TargetProfile p, Seeds seeds, AnchorSource extra) {
        int t = pool.track[i];
        Source source = pool.source(i);
        String via = switch (source) {
            case ANCHOR -> catalog.trackId(seeds.anchors().get(pool.ref[i]).track());
            case ARTIST -> catalog.artistId(seeds.artists().get(pool.ref[i]).artist());
            case TARGET -> null;
        };
        return new Playlist.Entry(t, catalog.trackId(t), source, via, pool.affinity[i], pool.fit[i],
                Integer.bitCount(pool.sources[i]), explainer.explain(pool, i, p, seeds, extra));
    }

    private static int poolIndex(int[] selected, int n, CandidatePool pool, int track) {
        for (int i = 0; i < n; i++) {
            if (pool.track[selected[i]] == track) {
                return selected[i];
            }
        }
        throw new IllegalStateException("track " + track + " is not in the selection");
    }

    /** Runs the generators at once, each on its own virtual thread, and waits for all. */
    private Candidates[] runConcurrently(CandidateGenerator[] gens, int[] budgets, float[][] scratch, TargetProfile p,
                                         Seeds seeds) {
        Candidates[] out = new Candidates[gens.length];
        Throwable[] errors = new Throwable[gens.length];
        Thread[] running = new Thread[gens.length];
        for (int i = 0; i < gens.length; i++) {
            int g = i;
            running[i] = threads.newThread(() -> {
                try {
                    out[g] = gens[g].generate(p, seeds, budgets[g], scratch[g]);
                } catch (Throwable e) {
                    errors[g] = e;
                }
            });
            running[i].start();
        }
        boolean interrupted = false;
        for (Thread t : running) {
            while (true) {
                try {
                    t.join();
                    break;
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        for (Throwable e : errors) {
            if (e instanceof RuntimeException re) {
                throw re;
            }
            if (e instanceof Error err) {
                throw err;
            }
            if (e != null) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    private int[] mentionedTracks(MoodTarget target) {
        return target.tracks().stream().mapToInt(catalog::indexOf).filter(t -> t >= 0).toArray();
    }

    private String genreList(TargetProfile p) {
        StringBuilder sb = new StringBuilder();
        for (int g : p.genres()) {
            sb.append(sb.length() == 0 ? "" : ", ").append(catalog.genreName(g));
        }
        return sb.toString();
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            out[i] = i;
        }
        return out;
    }

    private static double ms(long nanos) {
        return nanos / 1_000_000.0;
    }

    private PlaylistScratch acquire() {
        PlaylistScratch s = scratches.poll();
        return s != null ? s : new PlaylistScratch(catalog.size(), catalog.artistCount(), songs.count());
    }
}
