package dev.mixtape.algo.strategy;

import dev.mixtape.algo.rerank.Filters;
import dev.mixtape.algo.rerank.Scored;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.learn.ArtistScores;
import dev.mixtape.algo.learn.ListenerArtists;
import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.algo.learn.ListeningMatrix;
import dev.mixtape.algo.learn.ListeningModel;
import dev.mixtape.algo.learn.ListeningTrainer;
import dev.mixtape.algo.listener.GenreCatalog;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PlayDecay;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The listener's collaborative neighbourhood on a world where metal listeners also play jazz (which sounds nothing
 * like metal) and no one else does: with the listening model, the listener-only strategies draw from the artists
 * listeners like them play, one track per artist, each still ranked by its own criterion; without it they fall back to
 * the catalog-wide criterion.
 */
class NeighbourhoodTest {
    static final Instant NOW = Instant.parse("2026-06-03T14:00:00Z");
    static final Catalog CATALOG = GenreCatalog.build(17);
    static final ListeningModel MODEL = train();

    static ListeningModel train() {
        SplittableRandom rnd = new SplittableRandom(3);
        ListeningMatrix.Builder b = new ListeningMatrix.Builder(CATALOG.artistCount());
        List<String> genres = List.of("classical", "dance", "metal", "jazz", "pop", "folk");
        for (int u = 0; u < 600; u++) {
            String g = genres.get(u % genres.size());
            int[] arts = new int[6];
            for (int k = 0; k < arts.length; k++) {
                // metal listeners split their artists between metal and jazz
                String scene = g.equals("metal") && k % 2 == 1 ? "jazz" : g.equals("jazz") ? "jazz" : g;
                arts[k] = CATALOG.artistIndexOf(scene + "-artist-" + rnd.nextInt(6));
            }
            b.addImported(ListenerArtists.plain(arts));
        }
        ListeningConfig config = ListeningConfig.defaults()
                .withAls(ImplicitAlsConfig.defaults().withFactors(8).withIterations(10).withAlpha(10).withRegularization(1).withThreads(1))
                .withValidationUsers(0);
        return new ListeningTrainer(config).train(CATALOG, b.build(), "listening-v0001", Map.of(), ListeningTrainer.Progress.NONE).model();
    }

    static StrategyModels models(ListeningModel model) {
        return new StrategyModels(new FeatureSpace(CATALOG), new CollaborativeSource() {
            @Override
            public ArtistNeighbours artists() {
                return null;
            }

            @Override
            public ArtistScores scores(ListenerState listener, Instant now) {
                return model == null ? null : model.scores(listener.history(), now);
            }

            @Override
            public ListeningModel listening() {
                return model;
            }
        }, "test-v1", dev.mixtape.algo.listener.GenreFeedback.Rewards.DEFAULT);
    }

    /** A listener of two metal artists (three tracks each). */
    static ListenerState metalFan() {
        List<HistoryEntry> h = new ArrayList<>();
        for (int a = 0; a < 2; a++) {
            for (int n = 0; n < 3; n++) {
                h.add(new HistoryEntry("metal-" + a + "-" + n, PlayDecay.weight(4, NOW), 4, 0, 1, 0, 0, NOW));
            }
        }
        return new ListenerState(new Listener("u", NOW.minus(Duration.ofDays(60)), null, 6), h, null);
    }

    static StrategyRequest request(Map<String, String> params) {
        UserContext c = new UserContext(ZonedDateTime.of(2026, 6, 3, 14, 0, 0, 0, ZoneOffset.UTC), null, null, null, false);
        return new StrategyRequest(-1, metalFan(), 10, c, Set.of(), Filters.NONE, params, 7);
    }

    private static String genre(int track) {
        return CATALOG.genreName(CATALOG.trackGenres(track)[0]);
    }

    @Test
    void contentForAKnownListenerDrawsFromTheArtistsListenersLikeThemPlayOneTrackEach() {
        List<Scored> picks = new ContentStrategy(models(MODEL)).recommend(request(Map.of()), 10);
        assertThat(picks).isNotEmpty();
        Set<Integer> artists = new HashSet<>();
        for (Scored s : picks) {
            assertThat(artists.add(CATALOG.trackArtists(s.track())[0])).as("one track per artist").isTrue();
            assertThat(s.contributions()).containsKeys(Neighbourhood.COMPONENT, "taste_similarity");
            assertThat(s.explanation()).startsWith("Close to the sound of what you play, and listeners of metal artist");
        }
        // the listener's own artists are left out; the other metal artists (co-listened and close in sound) lead, then
        // jazz (co-listened, far in sound) before the genres no metal listener plays
        assertThat(artists).doesNotContain(CATALOG.artistIndexOf("metal-artist-0"), CATALOG.artistIndexOf("metal-artist-1"));
        List<String> first = picks.subList(0, 6).stream().map(s -> genre(s.track())).toList();
        assertThat(first.subList(0, 4)).containsOnly("metal");
        assertThat(first.subList(4, 6)).containsOnly("jazz");
        // scores run best first
        for (int i = 1; i < picks.size(); i++) {
            assertThat(picks.get(i).score()).isLessThanOrEqualTo(picks.get(i - 1).score());
        }
    }

    @Test
    void withoutTheModelContentStaysWithTheSoundOfTheHistory() {
        List<Scored> picks = new ContentStrategy(models(null)).recommend(request(Map.of()), 10);
        assertThat(picks).hasSize(10);
        assertThat(picks).noneMatch(s -> genre(s.track()).equals("jazz"));
        assertThat(picks.get(0).explanation()).isEqualTo("Close to the sound of what you play");
    }

    @Test
    void theStrategysOwnCriterionStillChoosesTheTrackOfEachArtist() {
        // tempo at 100 BPM (not energetic, so the fit is the tempo match alone, up to a popularity tie-break of at most
        // 0.05): of each neighbourhood artist, its track nearest 100 BPM (or a multiple)
        StrategyModels m = models(MODEL);
        StrategyRequest r = request(Map.of("bpm", "100"));
        List<Scored> picks = new TempoStrategy(m).recommend(r, 10);
        assertThat(picks).isNotEmpty();
        float[] tempo = CATALOG.column(dev.mixtape.core.Attribute.TEMPO);
        for (Scored s : picks) {
            int a = CATALOG.trackArtists(s.track())[0];
            double fit = fit(tempo[s.track()]);
            for (int t : CATALOG.artistTracks(a)) {
                if (!r.listener().history().stream().anyMatch(h -> h.trackId().equals(CATALOG.trackId(t)))) {
                    assertThat(fit).as("track %s of %s", CATALOG.trackId(s.track()), CATALOG.artistName(a))
                            .isGreaterThanOrEqualTo(fit(tempo[t]) - 0.05);
                }
            }
            assertThat(s.explanation()).contains("BPM").contains("listeners of");
        }
    }

    @Test
    void hybridBlendsItsPartsPerArtistForAListener() {
        StrategyModels m = models(MODEL);
        Strategy hybrid = new StrategyRegistry(m, HybridStrategy.DEFAULT_WEIGHTS).get("hybrid");
        List<Scored> picks = hybrid.recommend(request(Map.of()), 10);
        assertThat(picks).hasSize(10);
        Set<Integer> artists = new HashSet<>();
        for (Scored s : picks) {
            assertThat(artists.add(CATALOG.trackArtists(s.track())[0])).as("one track per artist").isTrue();
        }
        // content and collaborative both vote for the co-listened artists: they lead the blend, and an artist the
        // parts agree on adds up its votes instead of splitting them over its tracks
        List<String> first = picks.subList(0, 6).stream().map(s -> genre(s.track())).toList();
        assertThat(first).allMatch(g -> g.equals("metal") || g.equals("jazz"));
        assertThat(picks.get(0).contributions()).containsKeys("content", "collaborative");
    }

    @Test
    void filtersTheNeighbourhoodCannotMeetAreFilledFromTheWholeCatalog() {
        // metal only: the neighbourhood holds four metal artists (the listener's own two are not in it), so its strategies
        // give at most 8 tracks at 2 per artist; the whole catalog's popular metal fills the answer to 10
        StrategyEngine engine = new StrategyEngine(models(MODEL), HybridStrategy.DEFAULT_WEIGHTS);
        UserContext c = new UserContext(ZonedDateTime.of(2026, 6, 3, 14, 0, 0, 0, ZoneOffset.UTC), null, null, null, false);
        Filters metal = new Filters(Set.of("metal"), Set.of(), null, 0, 100, Map.of());
        StrategyEngine.Result r = engine.recommend("content", new StrategyRequest(-1, metalFan(), 10, c, Set.of(), metal, Map.of(), 7), 1.0, 2);
        assertThat(r.items()).hasSize(10).allMatch(i -> genre(i.track()).equals("metal"));
        assertThat(r.served()).contains("popularity");
        assertThat(r.items()).anyMatch(i -> CATALOG.trackArtists(i.track())[0] == CATALOG.artistIndexOf("metal-artist-0")
                || CATALOG.trackArtists(i.track())[0] == CATALOG.artistIndexOf("metal-artist-1"));
    }

    /** The tempo match of {@link TempoStrategy} at 100 BPM, without the popularity tie-break. */
    private static double fit(double bpm) {
        double best = 0;
        double[] mult = {1, 0.5, 2};
        for (int i = 0; i < 3; i++) {
            double d = (bpm - 100 * mult[i]) / 6.0;
            best = Math.max(best, Math.exp(-d * d) * (i == 0 ? 1 : 0.85));
        }
        return best;
    }
}
