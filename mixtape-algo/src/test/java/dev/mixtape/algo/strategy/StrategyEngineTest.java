package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.listener.GenreCatalog;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StrategyEngineTest {
    static final Instant NOW = Instant.parse("2026-06-03T14:00:00Z"); // a Wednesday afternoon
    static final Catalog CATALOG = GenreCatalog.build(17);
    static final StrategyModels MODELS = new StrategyModels(new FeatureSpace(CATALOG), null, "test-v1");
    final StrategyEngine engine = new StrategyEngine(MODELS, HybridStrategy.DEFAULT_WEIGHTS);

    static UserContext at(int hour, String mood, String activity, boolean exploring) {
        return new UserContext(ZonedDateTime.of(2026, 6, 3, hour, 0, 0, 0, ZoneOffset.UTC), mood, activity, null, exploring);
    }

    static StrategyRequest request(int track, ListenerState l, int n, UserContext c, Map<String, String> params) {
        return new StrategyRequest(track, l, n, c, Set.of(), Filters.NONE, params, 7);
    }

    static ListenerState listener(String genre, int plays, long events, PersonalityProfile p) {
        List<HistoryEntry> h = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int n = 0; n < 3; n++) {
                h.add(new HistoryEntry(genre + "-" + a + "-" + n, PlayDecay.weight(plays, NOW), plays, 0, 1, 0, 0, NOW));
            }
        }
        return new ListenerState(new Listener("u", NOW.minus(Duration.ofDays(60)), null, events), h, p);
    }

    private String genre(int t) {
        return CATALOG.genreName(CATALOG.trackGenres(t)[0]);
    }

    @Test
    void contentForATrackStaysInItsGenreAndNeverReturnsTheSeed() {
        int seed = CATALOG.indexOf("metal-0-0");
        StrategyEngine.Result r = engine.recommend("content", request(seed, null, 10, at(14, null, null, false), Map.of()), 1.0, 2);
        assertThat(r.items()).hasSize(10);
        assertThat(r.items()).noneMatch(i -> i.track() == seed);
        assertThat(r.items().stream().filter(i -> genre(i.track()).equals("metal")).count()).isGreaterThanOrEqualTo(8);
        assertThat(r.items().get(0).explanation()).startsWith("Sounds like");
        assertThat(r.fallbacks()).isEmpty();
        assertThat(r.modelVersion()).isEqualTo("test-v1");
    }

    @Test
    void sessionServesTheSessionRecommendersPicksThroughTheSharedReranker() {
        ListenerState l = listener("metal", 5, 40, null);
        SessionStrategy session = (SessionStrategy) engine.registry().get("session");
        dev.mixtape.algo.listener.SessionRecommender.Result direct = session.sessions().recommend(
                new dev.mixtape.algo.listener.SessionRecommender.Input(l.listener(), l.history(), null, NOW, 10));
        // lambda 1 keeps the strategy's order, and the session already caps artists at two
        StrategyEngine.Result r = engine.recommend("session", request(-1, l, 10, at(14, null, null, false), Map.of()), 1.0, 2);
        assertThat(r.fallbacks()).isEmpty();
        assertThat(r.served()).containsExactly("session");
        assertThat(r.items()).extracting(StrategyEngine.Item::track)
                .containsExactlyElementsOf(direct.picks().stream().map(dev.mixtape.algo.listener.SessionRecommender.Pick::track).toList());
        assertThat(r.items().get(0).explanation()).isEqualTo(direct.picks().get(0).explanation());
        assertThat(r.items().get(0).contributions()).containsKeys("history", "diversity");
        // a v2 request's filters apply: an excluded track and genre never come back
        int first = r.items().get(0).track();
        String dropped = genre(r.items().get(1).track());
        StrategyRequest filtered = new StrategyRequest(-1, l, 10, at(14, null, null, false), Set.of(first),
                new Filters(Set.of(), Set.of(dropped), null, 0, 100, Map.of()), Map.of(), 7);
        StrategyEngine.Result f = engine.recommend("session", filtered, 0.8, 2);
        assertThat(f.items()).hasSize(10).noneMatch(i -> i.track() == first).noneMatch(i -> genre(i.track()).equals(dropped));
        // it serves listeners only
        assertThatThrownBy(() -> engine.recommend("session", request(0, l, 5, at(14, null, null, false), Map.of()), 0.8, 2))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("takes no track_id");
        assertThatThrownBy(() -> engine.recommend("session", request(0, null, 5, at(14, null, null, false), Map.of()), 0.8, 2))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("strategy session needs user_id");
        assertThat(engine.arms(request(-1, l, 5, at(14, null, null, false), Map.of()))).contains("session");
    }

    @Test
    void unknownStrategiesAndParametersAreRejectedByName() {
        StrategyRequest req = request(0, null, 5, at(14, null, null, false), Map.of());
        assertThatThrownBy(() -> engine.recommend("magic", req, 0.8, 2)).isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining("unknown strategy 'magic'").hasMessageContaining("content, collaborative, popularity");
        assertThatThrownBy(() -> engine.recommend("content", request(0, null, 5, at(14, null, null, false), Map.of("bpm", "100")), 0.8, 2))
                .hasMessageContaining("strategy content has no parameter 'bpm'");
        assertThatThrownBy(() -> engine.recommend("personality", req, 0.8, 2)).hasMessageContaining("needs user_id");
        assertThatThrownBy(() -> engine.recommend("tempo", request(-1, null, 5, at(14, null, null, false), Map.of("bpm", "500")), 0.8, 2))
                .hasMessageContaining("params.bpm must be a number from 40 to 220");
        assertThatThrownBy(() -> engine.recommend("content", req, 1.5, 2)).hasMessageContaining("diversity must be from 0 to 1");
    }

    @Test
    void autoSelectionFollowsTheDocumentedRules() {
        ListenerState active = listener("jazz", 3, 50, null);
        ListenerState fresh = listener("jazz", 3, 5, null);
        assertThat(AutoSelector.choose(request(-1, active, 5, at(14, null, null, true), Map.of())).strategy()).isEqualTo("exploration");
        assertThat(AutoSelector.choose(request(-1, active, 5, at(14, null, "running", false), Map.of())).strategy()).isEqualTo("tempo");
        assertThat(AutoSelector.choose(request(-1, active, 5, at(14, "energetic", null, false), Map.of())).strategy()).isEqualTo("tempo");
        assertThat(AutoSelector.choose(request(-1, active, 5, at(8, null, null, false), Map.of())).strategy()).isEqualTo("contextual");
        assertThat(AutoSelector.choose(request(-1, active, 5, at(19, null, null, false), Map.of())).strategy()).isEqualTo("contextual");
        assertThat(AutoSelector.choose(request(-1, active, 5, at(14, null, null, false), Map.of())).strategy()).isEqualTo("collaborative");
        assertThat(AutoSelector.choose(request(-1, fresh, 5, at(14, null, null, false), Map.of())).strategy()).isEqualTo("hybrid");
        assertThat(AutoSelector.choose(request(3, null, 5, at(2, null, null, false), Map.of())).reason()).contains("no rule applied");
    }

    @Test
    void anUnavailableStrategyFallsBackAndSaysSo() {
        // no collaborative model is loaded: content and popularity fill the list
        ListenerState l = listener("folk", 4, 50, null);
        StrategyEngine.Result r = engine.recommend("collaborative", request(-1, l, 10, at(14, null, null, false), Map.of()), 0.8, 2);
        assertThat(r.items()).hasSize(10);
        assertThat(r.fallbacks()).first().satisfies(f -> {
            assertThat(f.strategy()).isEqualTo("collaborative");
            assertThat(f.reason()).contains("no collaborative model");
        });
        assertThat(r.served()).containsExactly("content");
        assertThat(r.items()).allMatch(i -> i.strategy().equals("content"));
        Set<String> heard = new HashSet<>();
        l.history().forEach(h -> heard.add(h.trackId()));
        assertThat(r.items()).noneMatch(i -> heard.contains(CATALOG.trackId(i.track())));
    }

    @Test
    void filtersAndTheArtistCapAndExclusionsHold() {
        int seed = CATALOG.indexOf("pop-0-0");
        Set<Integer> exclude = Set.of(CATALOG.indexOf("pop-1-0"), CATALOG.indexOf("pop-1-1"));
        Filters f = new Filters(Set.of("pop", "dance"), Set.of("dance"), false, 20, 90, Map.of());
        StrategyRequest req = new StrategyRequest(seed, null, 12, at(14, null, null, false), exclude, f, Map.of(), 1);
        StrategyEngine.Result r = engine.recommend("content", req, 0.5, 1);
        Map<Integer, Integer> perArtist = new HashMap<>();
        for (StrategyEngine.Item i : r.items()) {
            assertThat(genre(i.track())).isEqualTo("pop");
            assertThat(CATALOG.popularity(i.track())).isBetween(20, 90);
            assertThat(exclude).doesNotContain(i.track());
            perArtist.merge(CATALOG.trackArtists(i.track())[0], 1, Integer::sum);
        }
        assertThat(perArtist.values()).allMatch(c -> c == 1);
        // 6 pop artists, one track each (the seed's artist still has other tracks): at most 6, then the chain runs dry
        assertThat(r.items().size()).isLessThanOrEqualTo(6);
        assertThatThrownBy(() -> engine.recommend("content", new StrategyRequest(seed, null, 5, at(14, null, null, false), Set.of(),
                new Filters(Set.of("polka"), Set.of(), null, 0, 100, Map.of()), Map.of(), 1), 0.8, 2)).hasMessageContaining("unknown genre 'polka'");
    }

    @Test
    void tempoMatchesTheCadenceIncludingHalfTime() {
        StrategyEngine.Result r = engine.recommend("tempo", request(-1, null, 10, at(14, null, null, false), Map.of("bpm", "150")), 1.0, 3);
        for (StrategyEngine.Item i : r.items()) {
            float bpm = CATALOG.value(Attribute.TEMPO, i.track());
            assertThat(Math.min(Math.abs(bpm - 150), Math.abs(bpm - 75))).isLessThan(15);
        }
        assertThat(r.items().get(0).explanation()).contains("BPM for your 150 BPM target");
    }

    @Test
    void tempoForAListenerAloneTakesTheirUsualTempo() {
        // metal centres on 150 BPM, jazz on 110: a listener who plays mostly metal is served near 150 (or 75)
        List<HistoryEntry> h = new ArrayList<>();
        for (int a = 0; a < 4; a++) {
            h.add(new HistoryEntry("metal-" + a + "-0", PlayDecay.weight(6, NOW), 6, 0, 1, 0, 0, NOW));
        }
        h.add(new HistoryEntry("jazz-0-0", PlayDecay.weight(1, NOW), 1, 0, 0, 0, 0, NOW));
        ListenerState l = new ListenerState(new Listener("runner", NOW.minus(Duration.ofDays(30)), null, 25), h, null);
        TempoStrategy tempo = (TempoStrategy) engine.registry().get("tempo");
        double usual = tempo.target(request(-1, l, 10, at(14, null, null, false), Map.of())).bpm();
        assertThat(usual).isBetween(135.0, 165.0);
        StrategyEngine.Result r = engine.recommend("tempo", request(-1, l, 10, at(14, null, null, false), Map.of()), 1.0, 3);
        assertThat(r.fallbacks()).isEmpty();
        assertThat(r.items()).hasSize(10);
        for (StrategyEngine.Item i : r.items()) {
            float bpm = CATALOG.value(Attribute.TEMPO, i.track());
            assertThat(Math.min(Math.abs(bpm - usual), Math.abs(bpm - usual / 2))).as("tempo %s", bpm).isLessThan(15);
        }
        assertThat(r.items().get(0).explanation()).contains(String.format(java.util.Locale.ROOT, "near the %.0f BPM you usually play", usual));
        // an explicit bpm, a cadence or a track still wins over the history
        assertThat(tempo.target(request(-1, l, 10, at(14, null, "running", false), Map.of())).bpm()).isEqualTo(165);
        assertThat(tempo.target(request(CATALOG.indexOf("classical-0-0"), l, 10, at(14, null, null, false), Map.of())).bpm())
                .isEqualTo(CATALOG.value(Attribute.TEMPO, CATALOG.indexOf("classical-0-0")));
    }

    @Test
    void theUsualTempoIsTheAffinityWeightedMedian() {
        TempoStrategy tempo = (TempoStrategy) engine.registry().get("tempo");
        String[] ids = {"classical-0-0", "jazz-0-0", "pop-0-0", "metal-0-0"};
        double[] affinity = {1, 1, 1, 4}; // metal holds over half of the weight
        List<HistoryEntry> h = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            h.add(new HistoryEntry(ids[i], 0, 0, 0, (int) affinity[i], 0, 0, NOW));
        }
        h.add(new HistoryEntry("dance-0-0", 0, 0, 6, 0, 0, 0, NOW)); // skipped: not liked, left out
        h.add(new HistoryEntry("not-in-catalog", 0, 0, 0, 9, 0, 0, NOW));
        assertThat(tempo.usualTempo(h, NOW)).isEqualTo(CATALOG.value(Attribute.TEMPO, CATALOG.indexOf("metal-0-0")));
        h.set(3, new HistoryEntry("metal-0-0", 0, 0, 0, 1, 0, 0, NOW)); // four equal weights: the lower middle one
        double[] sorted = java.util.Arrays.stream(ids).mapToDouble(id -> CATALOG.value(Attribute.TEMPO, CATALOG.indexOf(id))).sorted().toArray();
        assertThat(tempo.usualTempo(h, NOW)).isEqualTo(sorted[1]);
        assertThat(tempo.usualTempo(List.of(new HistoryEntry("dance-0-0", 0, 0, 6, 0, 0, 0, NOW)), NOW)).isEqualTo(-1);
    }

    @Test
    void tempoSaysWhatItNeedsWhenThereIsNothingToTakeATempoFrom() {
        ListenerState skipper = new ListenerState(new Listener("skipper", NOW, null, 3),
                List.of(new HistoryEntry("pop-0-0", 0, 0, 3, 0, 0, 0, NOW)), null);
        assertThatThrownBy(() -> engine.recommend("tempo", request(-1, skipper, 5, at(14, null, null, false), Map.of()), 0.8, 2))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("strategy tempo needs params.bpm (40-220)")
                .hasMessageContaining("running").hasMessageContaining("track_id")
                .hasMessageContaining("user_id of a listener who has liked or played tracks (listener 'skipper' has none yet)");
        assertThatThrownBy(() -> engine.recommend("tempo", request(-1, null, 5, at(14, null, null, false), Map.of()), 0.8, 2))
                .hasMessageContaining("strategy tempo needs").hasMessageNotContaining("has none yet");
    }

    /**
     * What each strategy needs beyond a listener with history, as docs/STRATEGIES.md says (its "needs" column): these
     * may hand a user_id-only request to the fallback chain, naming themselves in its first step.
     */
    static final Map<String, String> NEEDS_MORE = Map.of("collaborative", "a collaborative model covering the artists",
            "personality", "a personality profile");
    /** Strategies documented to refuse a user_id-only request with a 400, and what the message names. None today. */
    static final Map<String, String> REFUSES = Map.of();

    @Test
    void everyStrategyServesARequestWithOnlyAUserIdWithHistory() {
        ListenerState l = listener("jazz", 3, 50, null);
        for (String name : engine.registry().names()) {
            StrategyRequest req = request(-1, l, 10, at(14, null, null, false), Map.of());
            StrategyEngine.Result r;
            try {
                r = engine.recommend(name, req, 0.8, 2);
            } catch (InvalidRequestException e) {
                assertThat(REFUSES).as("%s refused a user_id-only request: %s", name, e.getMessage()).containsKey(name);
                assertThat(e.getMessage()).contains(REFUSES.get(name));
                continue;
            }
            assertThat(r.items()).as(name).hasSize(10);
            if (!r.served().contains(r.chosen())) {
                assertThat(NEEDS_MORE).as("%s (chose %s) did not serve: %s", name, r.chosen(), r.fallbacks()).containsKey(r.chosen());
                assertThat(r.fallbacks().get(0).strategy()).as(name).isEqualTo(r.chosen());
            }
        }
        // with a profile, personality serves it too
        ListenerState profiled = listener("jazz", 3, 50, new PersonalityProfile(new Traits(0.7, 0.5, 0.4, 0.6, 0.3), "traits", NOW));
        assertThat(engine.recommend("personality", request(-1, profiled, 10, at(14, null, null, false), Map.of()), 0.8, 2).served())
                .contains("personality");
    }

    @Test
    void personalityAndContextualAndHybridServeAListener() {
        ListenerState l = listener("classical", 5, 10, new PersonalityProfile(new Traits(0.95, 0.5, 0.1, 0.6, 0.4), "traits", NOW));
        StrategyEngine.Result p = engine.recommend("personality", request(-1, l, 8, at(14, null, null, false), Map.of()), 1.0, 2);
        assertThat(p.items()).hasSize(8);
        assertThat(p.items().get(0).explanation()).startsWith("Fits your");
        StrategyEngine.Result c = engine.recommend("contextual", request(-1, l, 8, at(23, "calm", "sleep", false), Map.of()), 1.0, 2);
        double energy = c.items().stream().mapToDouble(i -> CATALOG.value(Attribute.ENERGY, i.track())).average().orElseThrow();
        assertThat(energy).isLessThan(0.5);
        assertThat(c.items().get(0).explanation()).startsWith("Fits a night, calm, sleep");
        StrategyEngine.Result h = engine.recommend("hybrid", request(-1, l, 10, at(14, null, null, false), Map.of()), 0.8, 2);
        assertThat(h.items()).hasSize(10);
        assertThat(h.items().get(0).contributions()).containsKey("content").containsKey("personality");
    }

    @Test
    void explorationIsReproduciblePerSeedAndLearnsFromFeedback() {
        List<HistoryEntry> likedJazz = new ArrayList<>();
        List<HistoryEntry> skippedJazz = new ArrayList<>();
        for (int a = 0; a < 6; a++) {
            likedJazz.add(new HistoryEntry("jazz-" + a + "-0", 0, 0, 0, 3, 2, 0, NOW));
            skippedJazz.add(new HistoryEntry("jazz-" + a + "-0", 0, 0, 4, 0, 0, 2, NOW));
        }
        ListenerState likes = new ListenerState(new Listener("a", NOW, null, 30), likedJazz, null);
        ListenerState skips = new ListenerState(new Listener("b", NOW, null, 30), skippedJazz, null);
        StrategyRequest likesReq = request(-1, likes, 20, at(14, null, null, true), Map.of());
        assertThat(engine.recommend("exploration", likesReq, 1.0, 5)).isEqualTo(engine.recommend("exploration", likesReq, 1.0, 5));
        long jazzForLikes = engine.recommend("exploration", likesReq, 1.0, 5).items().stream().filter(i -> genre(i.track()).equals("jazz")).count();
        long jazzForSkips = engine.recommend("exploration", request(-1, skips, 20, at(14, null, null, true), Map.of()), 1.0, 5)
                .items().stream().filter(i -> genre(i.track()).equals("jazz")).count();
        assertThat(jazzForLikes).isGreaterThan(jazzForSkips);
        StrategyEngine.Result eps = engine.recommend("exploration", request(-1, likes, 20, at(14, null, null, true),
                Map.of("method", "epsilon", "epsilon", "0.5")), 1.0, 5);
        assertThat(eps.items()).hasSize(20);
        assertThat(eps.items().stream().filter(i -> i.contributions().get("explored") == 1.0).count()).isPositive();
    }

    @Test
    void trendingFollowsRecentEvents() {
        StrategyModels m = new StrategyModels(new FeatureSpace(CATALOG), null, "t");
        StrategyEngine e = new StrategyEngine(m, HybridStrategy.DEFAULT_WEIGHTS);
        int hot = CATALOG.indexOf("folk-3-4");
        for (int i = 0; i < 30; i++) {
            m.trending().record(hot, 1, NOW.minus(Duration.ofMinutes(i)));
        }
        StrategyEngine.Result r = e.recommend("popularity", request(-1, null, 5, at(14, null, null, false), Map.of("trending", "true")), 1.0, 2);
        assertThat(r.items().get(0).track()).isEqualTo(hot);
        assertThat(r.items().get(0).explanation()).isEqualTo("Trending now");
        assertThat(m.trending().velocity(hot, NOW)).isGreaterThan(m.trending().velocity(hot, NOW.plus(Duration.ofDays(1))));
    }
}
