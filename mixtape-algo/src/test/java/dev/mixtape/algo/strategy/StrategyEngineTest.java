package dev.mixtape.algo.strategy;

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
