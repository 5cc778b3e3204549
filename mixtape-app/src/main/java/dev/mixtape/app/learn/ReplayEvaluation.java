package dev.mixtape.app.learn;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.cf.EaseConfig;
import dev.mixtape.algo.cf.EaseTrainer;
import dev.mixtape.algo.cf.ImplicitAlsTrainer;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.ItemKnnConfig;
import dev.mixtape.algo.cf.ItemKnnTrainer;
import dev.mixtape.algo.cf.MostPopularConfig;
import dev.mixtape.algo.cf.MostPopularTrainer;
import dev.mixtape.algo.cf.TopN;
import dev.mixtape.algo.cf.UserScorer;
import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.algo.match.ArtistMatches;
import dev.mixtape.algo.strategy.ListenerState;
import dev.mixtape.algo.match.ArtistNameMatcher;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.lastfm.ArtistModelLoader;
import dev.mixtape.app.lastfm.LastFmImport;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.AutoBanditService;
import dev.mixtape.app.server.ListenerService;
import dev.mixtape.core.Catalog;
import dev.mixtape.eval.data.InteractionData;
import dev.mixtape.eval.data.LastFmDataset;
import dev.mixtape.eval.data.LastFmReader;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * {@code mixtape eval replay}: real listening the server has not seen, replayed through the product, scored at artist
 * level (docs/EVALUATION.md, "Replay").
 *
 * <ol>
 *   <li>Last.fm 2k artists are matched to catalog artists; {@code users} test listeners with at least 5 matched artists
 *       are drawn (seeded), and a random fifth of each one's matched artists is held out.</li>
 *   <li>The other Last.fm users are imported as the server's {@code import lastfm} would (the test listeners left out).</li>
 *   <li>Each test listener is created and their remaining artists posted as play events (the artist's most popular
 *       tracks, more plays for more-played artists, spread over the last 90 days) through the same service the HTTP API
 *       uses; then the listening model is trained as the server would.</li>
 *   <li>Every personalized surface is asked for 50 tracks (sessions, each v2 strategy and {@code auto} with only a
 *       {@code user_id} at 14:00 UTC on the day of the run, and {@code auto} again at 08:00, where it serves
 *       {@code contextual}, {@code /v1/recommendations} seeded by the listener's five most played tracks); the artists of
 *       those tracks, in order, are scored against the held-out ones. Offline iALS, EASE, item-kNN and most-popular are
 *       trained on the same listening (all matched artists of the other users and the test listeners' remaining ones)
 *       and rank artists directly.</li>
 * </ol>
 * One run per instance; not thread-safe.
 */
public final class ReplayEvaluation {
    static final int[] CUTOFFS = {20, 50};
    static final int TRACKS_PER_ARTIST = 3;
    /** The listener's local time (UTC) of every v2 request, so that auto and contextual do not follow the clock. */
    static final int AFTERNOON_HOUR = 14;
    static final int MORNING_HOUR = 8;
    /** EASE inverts an items × items matrix: above this many artists it is left out of the table. */
    static final int MAX_EASE_ITEMS = 12_000;

    /** @param validation listeners, disjoint from the test ones, on which the session blend is fitted (0: no fit) */
    public record Options(int users, long seed, double holdout, int validation) {
        public Options {
            if (users < 1) {
                throw new IllegalArgumentException("users must be at least 1, got " + users);
            }
            if (validation < 0) {
                throw new IllegalArgumentException("validation listeners must be 0 or more, got " + validation);
            }
            if (!(holdout > 0 && holdout < 1)) {
                throw new IllegalArgumentException("holdout must be between 0 and 1, got " + holdout);
            }
        }

        /** Half as many validation listeners as test ones. */
        public Options(int users, long seed, double holdout) {
            this(users, seed, holdout, Math.max(1, users / 2));
        }
    }

    /** One surface's scores, averaged over the listeners it answered. */
    public record Row(String surface, String kind, int listeners, int failed, double hit20, double recall20, double ndcg20,
                      double hit50, double recall50, double ndcg50, double knownShare, double coverage, double msPerRequest) {}

    public record Report(List<Row> rows, Map<String, Object> info) {}

    private final Options options;
    private final ObjectMapper json = new ObjectMapper();

    public ReplayEvaluation(Options options) {
        this.options = options;
    }

    /** Runs the replay against {@code app}, which must be serving a catalog and have no listeners yet. */
    public Report run(MixtapeApp app, Path lastFmDir, java.util.function.BiConsumer<String, Double> progress) throws Exception {
        Engine engine = app.engines().get();
        Catalog catalog = engine.catalog();
        Map<String, Object> info = new LinkedHashMap<>();
        progress.accept("read", 0.0);
        LastFmDataset data = new LastFmReader().read(lastFmDir);
        InteractionData rows = data.interactions();
        int[] artistOf = catalogArtists(data, catalog);
        int users = rows.users().size();
        // per Last.fm user: catalog artist -> plays
        List<Map<Integer, Double>> byUser = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            byUser.add(new LinkedHashMap<>());
        }
        for (int k = 0; k < rows.size(); k++) {
            int a = artistOf[rows.item()[k]];
            if (a >= 0 && rows.weight()[k] > 0) {
                byUser.get(rows.user()[k]).merge(a, (double) rows.weight()[k], Double::sum);
            }
        }
        SplittableRandom rnd = new SplittableRandom(options.seed());
        int[] eligible = java.util.stream.IntStream.range(0, users).filter(u -> byUser.get(u).size() >= 5).toArray();
        shuffle(eligible, rnd);
        int[] test = Arrays.copyOf(eligible, Math.min(options.users(), eligible.length));
        // the validation listeners come next in the shuffled order; they are replayed like the test ones, so the posted
        // listeners are the test ones (first) then the validation ones
        int[] posted = Arrays.copyOf(eligible, Math.min(test.length + options.validation(), eligible.length));
        int[] validation = Arrays.copyOfRange(posted, test.length, posted.length);
        BitSet isTest = new BitSet();
        for (int u : posted) {
            isTest.set(u);
        }
        List<int[]> trainArtists = new ArrayList<>();
        List<BitSet> heldOut = new ArrayList<>();
        for (int u : posted) {
            // an artist with no track of its own (only features on others' tracks) cannot be posted as its own history:
            // its events would name another artist, who would then count as known although they may be held out
            int[] arts = byUser.get(u).keySet().stream().mapToInt(Integer::intValue).filter(a -> ownTracks(catalog, a).length > 0)
                    .sorted().toArray();
            shuffle(arts, rnd);
            int hold = Math.max(1, (int) Math.round(arts.length * options.holdout()));
            BitSet h = new BitSet();
            for (int i = 0; i < hold; i++) {
                h.set(arts[i]);
            }
            heldOut.add(h);
            trainArtists.add(Arrays.stream(arts, hold, arts.length).sorted().toArray());
        }
        info.put("test_listeners", test.length);
        info.put("validation_listeners", validation.length);
        info.put("held_out_artists", heldOut.stream().mapToInt(BitSet::cardinality).sum());
        info.put("matched_catalog_artists", Arrays.stream(artistOf).filter(a -> a >= 0).distinct().count());

        // 2. import the other users, as `import lastfm` would
        progress.accept("import", 0.1);
        InteractionData others = without(rows, isTest);
        Path models = app.config().home().resolve("models");
        new LastFmImport(LastFmImport.Options.defaults()).run(lastFmDir, new LastFmDataset(others, data.artistNames(), data.tags(),
                data.tagIds(), data.tagNames(), data.problems()), catalog, models, (p, d, t) -> {});
        ArtistModelLoader.Result loaded = serveImported(engine, models);

        // 3. the test listeners' remaining listening, as events through the service layer
        progress.accept("events", 0.2);
        Instant now = Instant.now();
        long events = 0;
        for (int i = 0; i < posted.length; i++) {
            String id = "replay-" + rows.users().id(posted[i]);
            app.listeners().createUser(id, now.minusSeconds(120L * 86_400));
            ObjectNode body = json.createObjectNode();
            ArrayNode list = body.putArray("events");
            Map<Integer, Double> p = byUser.get(posted[i]);
            for (int a : trainArtists.get(i)) {
                int[] tracks = ownTracks(catalog, a);
                int n = 1 + (int) Math.min(5, Math.floor(Math.log1p(p.get(a) / 50.0) / Math.log(2)));
                for (int e = 0; e < n; e++) {
                    int t = tracks[e % Math.min(TRACKS_PER_ARTIST, tracks.length)];
                    ObjectNode ev = list.addObject();
                    ev.put("user_id", id);
                    ev.put("track_id", catalog.trackId(t));
                    ev.put("type", "play");
                    ev.put("timestamp", now.minusSeconds(60 + rnd.nextLong(90L * 86_400)).toString());
                    ev.put("ms_played", Math.max(30_000, catalog.durationMs(t)));
                    if (list.size() == 1000) {
                        events += app.events().ingest(body).accepted();
                        list.removeAll();
                    }
                }
            }
            if (!list.isEmpty()) {
                events += app.events().ingest(body).accepted();
            }
            if (i % 20 == 0) {
                progress.accept("events", 0.2 + 0.3 * i / posted.length);
            }
        }
        info.put("events_posted", events);

        // train as the server would, once the online learners (trending counts) have seen every event
        app.events().awaitLearners();
        progress.accept("train", 0.5);
        TrainingJob job = train(app, "replay evaluation");
        info.put("model", job.version());
        info.put("model_manifest", job.manifest());

        // 4. the surfaces
        List<Row> out = new ArrayList<>();
        List<String> strategies = app.listeners() == null ? List.of() : strategyNames(app);
        int surfaces = strategies.size() + 2;
        int done = 0;
        out.add(score("sessions", "product", test, heldOut, trainArtists, catalog, i -> sessionArtists(app, catalog, "replay-" + rows.users().id(test[i]))));
        ReplayFits fits = validation.length == 0 ? null : new ReplayFits(app, engine, rows, posted, test.length, heldOut, trainArtists);
        if (fits != null) {
            progress.accept("fit session blend", 0.6);
            out.addAll(fits.sessions(info));
        }
        progress.accept("score", 0.6 + 0.35 * ++done / surfaces);
        // every strategy at the same local time (auto and contextual answer by the clock), and auto once more in the
        // morning, where it serves contextual
        java.time.ZonedDateTime day = now.atZone(java.time.ZoneOffset.UTC).truncatedTo(java.time.temporal.ChronoUnit.DAYS);
        String afternoon = day.withHour(AFTERNOON_HOUR).toOffsetDateTime().toString();
        String morning = day.withHour(MORNING_HOUR).toOffsetDateTime().toString();
        info.put("request_time", afternoon);
        for (String s : strategies) {
            out.add(score("v2 " + s, "product", test, heldOut, trainArtists, catalog,
                    i -> strategyArtists(app, catalog, "replay-" + rows.users().id(test[i]), s, afternoon)));
            progress.accept("score", 0.6 + 0.35 * ++done / surfaces);
        }
        if (fits != null) {
            progress.accept("fit hybrid blend", 0.8);
            out.addAll(fits.hybrid(info, day.withHour(AFTERNOON_HOUR)));
        }
        out.add(score("v2 auto (08:00: contextual)", "product", test, heldOut, trainArtists, catalog,
                i -> strategyArtists(app, catalog, "replay-" + rows.users().id(test[i]), "auto", morning)));
        out.add(score("listening model (artists ranked)", "model", test, heldOut, trainArtists, catalog,
                i -> modelArtists(app, engine, "replay-" + rows.users().id(test[i]))));
        out.add(score("/v1/recommendations (top 5 tracks)", "product", test, heldOut, trainArtists, catalog,
                i -> seedArtists(engine, catalog, trainArtists.get(i), byUser.get(test[i]))));
        // last of the product rows: its feedback listeners' held-out artists join their history
        AutoBanditService bandit = app.strategies().autoBandit();
        if (bandit != null) {
            progress.accept("auto learning", 0.9);
            out.addAll(autoLearning(app, bandit, catalog, rows, test, heldOut, trainArtists, morning, info));
        }
        progress.accept("offline", 0.95);
        out.addAll(offline(byUser, isTest, posted, test.length, trainArtists, heldOut, catalog));
        progress.accept("done", 1.0);
        return new Report(out, info);
    }

    /** Feedback rounds of auto's bandit: how many times each feedback listener asks auto and reacts to every pick. */
    static final int BANDIT_ROUNDS = 4;

    /**
     * Auto learning from outcomes. The test listeners are split in two: the even-numbered ones give feedback in
     * {@value #BANDIT_ROUNDS} rounds, each round a different quarter of them asking {@code auto} at 08:00 once and reacting
     * to each answer as their held-out listening says (a like for a track by an artist they hold out, a skip otherwise,
     * each naming the answer's recommendation id), and the bandit reads the counts after each round; the odd-numbered
     * ones are scored at 08:00 before and after. Every feedback listener answers once, so the rounds are alike (a listener
     * asked again would find the held-out artists they liked already in their history, and every arm would look worse
     * from round to round). Feedback listeners are not scored.
     */
    private List<Row> autoLearning(MixtapeApp app, AutoBanditService bandit, Catalog catalog, InteractionData rows, int[] test,
                                   List<BitSet> heldOut, List<int[]> trainArtists, String time, Map<String, Object> info) {
        int[] scored = java.util.stream.IntStream.range(0, test.length).filter(i -> i % 2 == 1).toArray();
        int[] feedback = java.util.stream.IntStream.range(0, test.length).filter(i -> i % 2 == 0).toArray();
        int[] scoredUsers = Arrays.stream(scored).map(i -> test[i]).toArray();
        List<BitSet> scoredHeld = Arrays.stream(scored).mapToObj(heldOut::get).toList();
        List<int[]> scoredTrain = Arrays.stream(scored).mapToObj(trainArtists::get).toList();
        List<Row> out = new ArrayList<>();
        bandit.refresh();
        out.add(score("v2 auto (08:00), half the listeners, before feedback", "product", scoredUsers, scoredHeld, scoredTrain, catalog,
                i -> strategyArtists(app, catalog, "replay-" + rows.users().id(scoredUsers[i]), "auto", time)));
        long likes = 0;
        long skips = 0;
        for (int round = 0; round < BANDIT_ROUNDS; round++) {
            for (int k = round; k < feedback.length; k += BANDIT_ROUNDS) {
                int i = feedback[k];
                String user = "replay-" + rows.users().id(test[i]);
                JsonNode answer = strategyAnswer(app, user, "auto", time);
                ObjectNode body = json.createObjectNode();
                ArrayNode events = body.putArray("events");
                Instant at = Instant.now();
                for (JsonNode r : answer.get("recommendations")) {
                    int t = catalog.indexOf(r.get("track").get("id").asText());
                    boolean liked = t >= 0 && heldOut.get(i).get(catalog.trackArtists(t)[0]);
                    events.addObject().put("user_id", user).put("track_id", r.get("track").get("id").asText())
                            .put("type", liked ? "like" : "skip").put("timestamp", at.toString())
                            .put("recommendation_id", answer.get("recommendation_id").asText());
                    if (liked) {
                        likes++;
                    } else {
                        skips++;
                    }
                }
                app.events().ingest(body);
            }
            bandit.refresh();
        }
        app.events().awaitLearners();
        out.add(score("v2 auto (08:00), half the listeners, after " + BANDIT_ROUNDS + " feedback rounds", "product", scoredUsers, scoredHeld,
                scoredTrain, catalog, i -> strategyArtists(app, catalog, "replay-" + rows.users().id(scoredUsers[i]), "auto", time)));
        Map<String, Object> learned = new LinkedHashMap<>();
        learned.put("feedback_listeners", feedback.length);
        learned.put("scored_listeners", scored.length);
        learned.put("rounds", BANDIT_ROUNDS);
        learned.put("likes", likes);
        learned.put("skips", skips);
        learned.put("bandit", json.convertValue(app.strategies().autoLearning(), Map.class));
        info.put("auto_learning", learned);
        return out;
    }

    private static List<String> strategyNames(MixtapeApp app) {
        return app.strategies().engine().registry().names();
    }

    private List<Integer> sessionArtists(MixtapeApp app, Catalog c, String user) {
        JsonNode body = app.sessions().session(user, 50).body();
        List<String> ids = new ArrayList<>();
        for (JsonNode r : body.get("recommendations")) {
            ids.add(r.get("track").get("id").asText());
        }
        return artists(c, ids);
    }

    /** The served listening model's own artist ranking for the listener (new artists only): what the surfaces build on. */
    private static List<Integer> modelArtists(MixtapeApp app, Engine engine, String user) {
        ListenerService.UserData d = app.listeners().userData(user);
        ArtistScores s = engine.cf().scores(new ListenerState(d.listener(), d.history(), d.personality()), Instant.now());
        if (s == null) {
            throw new IllegalStateException("no listening model scores for " + user);
        }
        return Arrays.stream(s.top(50, true)).boxed().toList();
    }

    private List<Integer> strategyArtists(MixtapeApp app, Catalog c, String user, String strategy, String time) {
        List<String> ids = new ArrayList<>();
        for (JsonNode r : strategyAnswer(app, user, strategy, time).get("recommendations")) {
            ids.add(r.get("track").get("id").asText());
        }
        return artists(c, ids);
    }

    /** The v2 answer of 50 tracks for the listener alone, at the listener's local {@code time}. */
    private JsonNode strategyAnswer(MixtapeApp app, String user, String strategy, String time) {
        try {
            ObjectNode req = json.createObjectNode().put("user_id", user).put("strategy", strategy).put("n", 50);
            req.putObject("user_context").put("time", time);
            return json.readTree(app.strategies().recommend(req).body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<Integer> seedArtists(Engine engine, Catalog c, int[] train, Map<Integer, Double> plays) {
        // the listener's five most played tracks: the top track of each of their five most played artists
        Integer[] order = Arrays.stream(train).boxed().toArray(Integer[]::new);
        Arrays.sort(order, (a, b) -> Double.compare(plays.get(b), plays.get(a)) != 0 ? Double.compare(plays.get(b), plays.get(a)) : Integer.compare(a, b));
        List<String> seeds = new ArrayList<>();
        for (int k = 0; k < Math.min(5, order.length); k++) {
            seeds.add(c.trackId(ownTracks(c, order[k])[0]));
        }
        int[] tracks = engine.recommend(new SeedQuery(seeds, List.of(), List.of(), 50, null, null, null, SeedQuery.DEFAULT_MAX_PER_ARTIST)).tracks();
        List<String> ids = new ArrayList<>();
        for (int t : tracks) {
            ids.add(c.trackId(t));
        }
        return artists(c, ids);
    }

    /** The primary artists of the tracks, in order, each once; the list is cut to the artists of the first 50 tracks. */
    private static List<Integer> artists(Catalog c, List<String> trackIds) {
        LinkedHashSet<Integer> out = new LinkedHashSet<>();
        for (String id : trackIds.subList(0, Math.min(50, trackIds.size()))) {
            int t = c.indexOf(id);
            if (t >= 0) {
                out.add(c.trackArtists(t)[0]);
            }
        }
        return new ArrayList<>(out);
    }

    /** Scores one surface; {@code listFor} gives artists for test listener i, ranked (for a track surface: of its first 20 and 50 tracks). */
    static Row score(String surface, String kind, int[] test, List<BitSet> heldOut, List<int[]> train, Catalog c,
                      Function<Integer, List<Integer>> listFor) {
        double[] sum = new double[7];
        int answered = 0;
        int failed = 0;
        BitSet covered = new BitSet();
        long t0 = System.nanoTime();
        for (int i = 0; i < test.length; i++) {
            List<Integer> list;
            try {
                list = listFor.apply(i);
            } catch (RuntimeException e) {
                failed++;
                continue;
            }
            answered++;
            double[] m = metrics(list, heldOut.get(i), train.get(i));
            for (int k = 0; k < m.length; k++) {
                sum[k] += m[k];
            }
            list.forEach(covered::set);
        }
        double ms = (System.nanoTime() - t0) / 1e6 / Math.max(1, test.length);
        int n = Math.max(1, answered);
        long catalogArtists = c.artistCount();
        return new Row(surface, kind, answered, failed, sum[0] / n, sum[1] / n, sum[2] / n, sum[3] / n, sum[4] / n, sum[5] / n,
                sum[6] / n, (double) covered.cardinality() / catalogArtists, ms);
    }

    /** hit@20, recall@20, ndcg@20, hit@50, recall@50, ndcg@50, known share (of the list at 50). */
    static double[] metrics(List<Integer> ranked, BitSet test, int[] train) {
        double[] out = new double[7];
        int tests = test.cardinality();
        for (int ci = 0; ci < CUTOFFS.length; ci++) {
            int k = CUTOFFS[ci];
            int hits = 0;
            double dcg = 0;
            for (int r = 0; r < Math.min(k, ranked.size()); r++) {
                if (test.get(ranked.get(r))) {
                    hits++;
                    dcg += 1 / (Math.log(r + 2) / Math.log(2));
                }
            }
            double idcg = 0;
            for (int r = 0; r < Math.min(k, tests); r++) {
                idcg += 1 / (Math.log(r + 2) / Math.log(2));
            }
            out[3 * ci] = hits > 0 ? 1 : 0;
            out[3 * ci + 1] = tests == 0 ? 0 : (double) hits / Math.min(k, tests);
            out[3 * ci + 2] = idcg == 0 ? 0 : dcg / idcg;
        }
        int known = 0;
        int len = Math.min(50, ranked.size());
        for (int r = 0; r < len; r++) {
            known += Arrays.binarySearch(train, ranked.get(r)) >= 0 ? 1 : 0;
        }
        out[6] = len == 0 ? 0 : (double) known / len;
        return out;
    }

    /** The offline models on the same listening: users × catalog artists, binarised. */
    private List<Row> offline(List<Map<Integer, Double>> byUser, BitSet isTest, int[] posted, int tests, List<int[]> train,
                              List<BitSet> heldOut, Catalog c) {
        int artists = c.artistCount();
        List<Integer> u = new ArrayList<>();
        List<Integer> it = new ArrayList<>();
        int row = 0;
        int[] testRow = new int[posted.length];
        for (int x = 0; x < byUser.size(); x++) {
            if (isTest.get(x) || byUser.get(x).isEmpty()) {
                continue;
            }
            for (int a : byUser.get(x).keySet()) {
                u.add(row);
                it.add(a);
            }
            row++;
        }
        // every replayed listener's remaining listening (the validation ones too, as the product saw it); the test ones are scored
        for (int i = 0; i < posted.length; i++) {
            testRow[i] = row;
            for (int a : train.get(i)) {
                u.add(row);
                it.add(a);
            }
            row++;
        }
        float[] ones = new float[u.size()];
        Arrays.fill(ones, 1f);
        InteractionMatrix m = InteractionMatrix.of(row, artists, u.stream().mapToInt(Integer::intValue).toArray(),
                it.stream().mapToInt(Integer::intValue).toArray(), ones);
        // EASE needs items² memory: train it on the artists someone has
        List<Row> out = new ArrayList<>();
        Map<String, UserScorer> models = new LinkedHashMap<>();
        models.put("offline iALS (64 f., α 10, λ 50)", new ImplicitAlsTrainer(ListeningConfig.defaults().als()).train(m));
        models.put("offline item-kNN", new ItemKnnTrainer(ItemKnnConfig.defaults()).train(m));
        models.put("offline most-popular", new MostPopularTrainer(MostPopularConfig.defaults()).train(m));
        Compact compact = Compact.of(m);
        if (compact.matrix().items() <= MAX_EASE_ITEMS) {
            models.put("offline EASE", compact.wrap(new EaseTrainer(EaseConfig.defaults()).train(compact.matrix()), artists));
        }
        for (Map.Entry<String, UserScorer> e : models.entrySet()) {
            UserScorer model = e.getValue();
            out.add(score(e.getKey(), "offline", Arrays.copyOf(posted, tests), heldOut, train, c, i -> {
                int[] top = TopN.recommend(model, m, testRow[i], 50);
                List<Integer> l = new ArrayList<>(top.length);
                for (int a : top) {
                    l.add(a);
                }
                return l;
            }));
        }
        return out;
    }

    /** A matrix restricted to the items someone has, and the way back to full item indices. */
    private record Compact(InteractionMatrix matrix, int[] itemOf) {
        static Compact of(InteractionMatrix m) {
            int[] itemOf = java.util.stream.IntStream.range(0, m.items()).filter(i -> m.itemCount(i) > 0).toArray();
            int[] compactOf = new int[m.items()];
            Arrays.fill(compactOf, -1);
            for (int k = 0; k < itemOf.length; k++) {
                compactOf[itemOf[k]] = k;
            }
            int[] cols = new int[m.nnz()];
            for (int e = 0; e < cols.length; e++) {
                cols[e] = compactOf[m.userItems()[e]];
            }
            return new Compact(InteractionMatrix.ofCsr(m.users(), itemOf.length, m.userPtr().clone(), cols, m.userValues().clone()), itemOf);
        }

        UserScorer wrap(UserScorer inner, int items) {
            return new UserScorer() {
                @Override
                public int items() {
                    return items;
                }

                @Override
                public void score(int user, float[] out) {
                    float[] s = new float[inner.items()];
                    inner.score(user, s);
                    Arrays.fill(out, 0, items, Float.NEGATIVE_INFINITY);
                    for (int k = 0; k < itemOf.length; k++) {
                        out[itemOf[k]] = s[k];
                    }
                }
            };
        }
    }

    /** The artist's tracks on which it is the primary artist, most popular first (none for an artist only featured). */
    private static int[] ownTracks(Catalog c, int artist) {
        return Arrays.stream(c.artistTracks(artist)).filter(t -> c.trackArtists(t)[0] == artist).toArray();
    }

    /** Serves what an import just saved under {@code models}; unreadable tags fail the evaluation. */
    static ArtistModelLoader.Result serveImported(Engine engine, Path models) {
        return ArtistModelLoader.serve(engine.cf(), models, w -> {
            throw new IllegalStateException(w);
        });
    }

    /** Trains the listening model as the server would and waits for it to serve. */
    static TrainingJob train(MixtapeApp app, String reason) throws IOException, InterruptedException {
        TrainingJob job = app.training().train(reason);
        while (!job.done()) {
            Thread.sleep(50);
        }
        if (job.state() != TrainingJob.State.SUCCEEDED) {
            throw new IOException("training failed: " + job.error());
        }
        return job;
    }

    /** Per Last.fm artist, the catalog artist its name matches (-1 for none), ambiguous names going to the most played. */
    static int[] catalogArtists(LastFmDataset data, Catalog catalog) {
        InteractionData rows = data.interactions();
        double[] plays = new double[rows.items().size()];
        for (int k = 0; k < rows.size(); k++) {
            plays[rows.item()[k]] += rows.weight()[k];
        }
        return ArtistMatches.of(new ArtistNameMatcher(catalog), data.artistNames(), plays).artists();
    }

    static InteractionData without(InteractionData rows, BitSet users) {
        int n = 0;
        for (int k = 0; k < rows.size(); k++) {
            n += users.get(rows.user()[k]) ? 0 : 1;
        }
        int[] u = new int[n];
        int[] i = new int[n];
        float[] w = new float[n];
        int m = 0;
        for (int k = 0; k < rows.size(); k++) {
            if (!users.get(rows.user()[k])) {
                u[m] = rows.user()[k];
                i[m] = rows.item()[k];
                w[m++] = rows.weight()[k];
            }
        }
        return new InteractionData(rows.name(), rows.users(), rows.items(), u, i, w, null, rows.problems());
    }

    private static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
