package dev.mixtape.app.learn;

import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.listener.SessionRecommender;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.strategy.HybridStrategy;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.algo.rerank.Reranker;
import dev.mixtape.algo.strategy.StrategyEngine;
import dev.mixtape.algo.strategy.StrategyModels;
import dev.mixtape.algo.strategy.StrategyRequest;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.ListenerService;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.InteractionData;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * The replay's fits: blends fitted on its validation listeners (replayed like the test ones, never scored in the
 * table) by {@link BlendFit}, each then scored on the test listeners next to the blend it started from. The posted
 * listeners are the test ones (indices below {@code tests}) then the validation ones. One run per instance.
 */
final class ReplayFits {
    private final MixtapeApp app;
    private final Engine engine;
    private final Catalog catalog;
    private final InteractionData rows;
    private final int[] posted;
    private final int tests;
    private final int[] test;
    private final List<BitSet> heldOut;
    private final List<int[]> train;

    ReplayFits(MixtapeApp app, Engine engine, InteractionData rows, int[] posted, int tests, List<BitSet> heldOut, List<int[]> train) {
        this.app = app;
        this.engine = engine;
        this.catalog = engine.catalog();
        this.rows = rows;
        this.posted = posted;
        this.tests = tests;
        this.test = Arrays.copyOf(posted, tests);
        this.heldOut = heldOut;
        this.train = train;
    }

    private String user(int i) {
        return "replay-" + rows.users().id(posted[i]);
    }

    /** Mean Recall@50 over the validation listeners of the artists {@code listFor} ranks for each (side by side). */
    private double validationRecall(IntFunction<List<Integer>> listFor) {
        return java.util.stream.IntStream.range(tests, posted.length).parallel()
                .mapToDouble(i -> ReplayEvaluation.metrics(listFor.apply(i), heldOut.get(i), train.get(i))[4]).average().orElse(0);
    }

    /** The session blend's search space: shares of the blend (history and personality share the rest equally). */
    static final List<BlendFit.Param> SESSION_GRID = List.of(
            new BlendFit.Param("diversity", new double[] {0, 0.05, 0.1, 0.15, 0.2, 0.3}),
            new BlendFit.Param("novelty", new double[] {0, 0.05, 0.1, 0.2}),
            new BlendFit.Param("model_share", new double[] {0.5, 0.7, 0.85, 0.95, 1.0}));

    /**
     * Fits the session blend on the validation listeners (Recall@50 of their session picks, by coordinate search over
     * {@link #SESSION_GRID}) and scores the test listeners' sessions with the S-B seed's blend and with the fitted one.
     * History and personality share what diversity and novelty leave equally, as in the seed: the Last.fm listeners
     * have no personality profiles, so personality's share passes to history and cannot be fitted here. The cold-start
     * stages' blends are not fitted either (every replayed listener is four months old).
     */
    List<ReplayEvaluation.Row> sessions(Map<String, Object> info) {
        long t0 = System.nanoTime();
        SessionWeights served = app.sessions().sessionWeights();
        PersonalityMusicModel personality = new PersonalityMusicModel(catalog);
        SongKeys songs = new SongKeys(catalog);
        SessionRecommender.Input[] inputs = new SessionRecommender.Input[posted.length];
        for (int i = 0; i < posted.length; i++) {
            inputs[i] = app.sessions().sessionInput(user(i), 50);
        }
        Function<SessionWeights, SessionRecommender> recommender = w -> new SessionRecommender(engine.space(), personality, songs, w);
        BlendFit.Result fit = BlendFit.coordinate(sessionPoint(SessionWeights.SEED), SESSION_GRID, p -> {
            SessionRecommender r = recommender.apply(sessionWeights(served, p));
            return validationRecall(i -> sessionArtists(catalog, r, inputs[i]));
        }, 3);
        SessionWeights fitted = sessionWeights(served, fit.best());
        List<ReplayEvaluation.Row> out = new ArrayList<>();
        SessionRecommender seed = recommender.apply(SessionWeights.SEED);
        SessionRecommender best = recommender.apply(fitted);
        out.add(ReplayEvaluation.score("sessions, S-B seed blend " + describe(SessionWeights.SEED), "product", test, heldOut, train, catalog,
                i -> sessionArtists(catalog, seed, inputs[i])));
        out.add(ReplayEvaluation.score("sessions, blend fitted on validation " + describe(fitted), "product", test, heldOut, train, catalog,
                i -> sessionArtists(catalog, best, inputs[i])));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("validation_listeners", posted.length - tests);
        f.put("objective", "mean Recall@50 of the validation listeners' session picks");
        f.put("search", "coordinate search, " + fit.passes() + " passes, a move must gain more than " + BlendFit.MIN_GAIN);
        f.put("start", fit.start());
        f.put("start_score", round4(fit.startScore()));
        f.put("fitted", fit.best());
        f.put("fitted_score", round4(fit.bestScore()));
        f.put("fitted_weights", Map.of("history", round4(fitted.history()), "personality", round4(fitted.personality()),
                "diversity", round4(fitted.diversity()), "novelty", round4(fitted.novelty()), "model_share", fitted.modelShare()));
        f.put("served", describe(served));
        f.put("trials", fit.trials().stream().map(t -> Map.of("point", t.point(), "recall50", round4(t.score()))).toList());
        f.put("not_fitted", "personality's share (no profiles in Last.fm: it passes to history), the cold-start stages, FAMILIAR");
        f.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        info.put("session_fit", f);
        return out;
    }

    /** The point of the session search space a blend is at: its diversity and novelty shares and its model share. */
    static Map<String, Double> sessionPoint(SessionWeights w) {
        double sum = w.history() + w.personality() + w.diversity() + w.novelty();
        return Map.of("diversity", w.diversity() / sum, "novelty", w.novelty() / sum, "model_share", w.modelShare());
    }

    /** The blend at {@code p}, keeping {@code base}'s online adjustment bound. */
    static SessionWeights sessionWeights(SessionWeights base, Map<String, Double> p) {
        double d = p.get("diversity");
        double nv = p.get("novelty");
        double rest = Math.max(0, 1 - d - nv) / 2;
        return base.withBlend(rest, rest, d, nv, p.get("model_share"));
    }

    static String describe(SessionWeights w) {
        return String.format(java.util.Locale.ROOT, "(history %.3g, personality %.3g, diversity %.3g, novelty %.3g, model share %.2f)",
                w.history(), w.personality(), w.diversity(), w.novelty(), w.modelShare());
    }

    static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }

    /** The primary artists of a session's picks, in order, each once. */
    private static List<Integer> sessionArtists(Catalog c, SessionRecommender r, SessionRecommender.Input in) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (SessionRecommender.Pick p : r.recommend(in).picks()) {
            out.add(c.trackArtists(p.track())[0]);
        }
        return new ArrayList<>(out);
    }


    /** The hybrid blend's search space (weights are renormalised over the parts that answer, so only their ratios count). */
    static final List<BlendFit.Param> HYBRID_GRID = List.of(
            new BlendFit.Param("content", new double[] {0, 0.15, 0.35, 0.5, 0.7}),
            new BlendFit.Param("collaborative", new double[] {0, 0.1, 0.25, 0.4, 0.6}),
            new BlendFit.Param("popularity", new double[] {0, 0.05, 0.1, 0.2}),
            new BlendFit.Param("contextual", new double[] {0, 0.05, 0.1, 0.2}));

    /**
     * Fits {@code hybrid}'s weights on the validation listeners' listener-only requests at {@code time} (Recall@50 of
     * 50 tracks, by coordinate search over {@link #HYBRID_GRID}, from the served weights) and scores the served and the
     * fitted weights on the test listeners through the same engine path. {@code personality} keeps its served weight
     * (no profiles in the replay, so it stands in for content there). Seed-track requests are not part of the objective:
     * check them with {@code eval coherence} before serving a fit.
     */
    List<ReplayEvaluation.Row> hybrid(Map<String, Object> info, ZonedDateTime time) {
        long t0 = System.nanoTime();
        StrategyModels models = app.strategies().engine().models();
        Map<String, Double> served = ((HybridStrategy) app.strategies().engine().registry().get("hybrid")).weights();
        StrategyRequest[] requests = new StrategyRequest[posted.length];
        for (int i = 0; i < posted.length; i++) {
            ListenerService.UserData d = app.listeners().userData(user(i));
            requests[i] = new StrategyRequest(-1, new ListenerState(d.listener(), d.history(), d.personality()), 50,
                    new UserContext(time, null, null, null, false), Set.of(), Filters.NONE, Map.of(), user(i).hashCode());
        }
        Function<Map<String, Double>, StrategyEngine> engineFor = w -> new StrategyEngine(models, w);
        Map<String, Double> start = new TreeMap<>(served);
        BlendFit.Result fit = BlendFit.coordinate(start, HYBRID_GRID, p -> {
            StrategyEngine e = engineFor.apply(p);
            return validationRecall(i -> hybridArtists(e, requests[i]));
        }, 3);
        StrategyEngine before = engineFor.apply(start);
        StrategyEngine after = engineFor.apply(fit.best());
        List<ReplayEvaluation.Row> out = new ArrayList<>();
        out.add(ReplayEvaluation.score("v2 hybrid, served weights " + fit.start(), "product", test, heldOut, train, catalog,
                i -> hybridArtists(before, requests[i])));
        out.add(ReplayEvaluation.score("v2 hybrid, weights fitted on validation " + fit.best(), "product", test, heldOut, train, catalog,
                i -> hybridArtists(after, requests[i])));
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("validation_listeners", posted.length - tests);
        f.put("objective", "mean Recall@50 of the validation listeners' hybrid answers with only a user_id at " + time.toOffsetDateTime());
        f.put("search", "coordinate search, " + fit.passes() + " passes, a move must gain more than " + BlendFit.MIN_GAIN);
        f.put("start", fit.start());
        f.put("start_score", round4(fit.startScore()));
        f.put("fitted", fit.best());
        f.put("fitted_score", round4(fit.bestScore()));
        f.put("trials", fit.trials().stream().map(t -> Map.of("point", t.point(), "recall50", round4(t.score()))).toList());
        f.put("not_fitted", "personality (no profiles in the replay), seed-track requests (see eval coherence)");
        f.put("seconds", Math.round((System.nanoTime() - t0) / 1e8) / 10.0);
        info.put("hybrid_fit", f);
        return out;
    }

    private List<Integer> hybridArtists(StrategyEngine e, StrategyRequest r) {
        StrategyEngine.Result res = e.recommend("hybrid", r, Reranker.DEFAULT_LAMBDA, Reranker.DEFAULT_PER_ARTIST);
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (StrategyEngine.Item it : res.items()) {
            out.add(catalog.trackArtists(it.track())[0]);
        }
        return new ArrayList<>(out);
    }
}
