package dev.mixtape.algo.listener;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.SongKeys;
import dev.mixtape.algo.personality.PersonalityMusicModel;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SessionRecommenderTest {
    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private final Catalog catalog = GenreCatalog.build(11);
    private final SessionRecommender rec = new SessionRecommender(new FeatureSpace(catalog), new PersonalityMusicModel(catalog),
            new SongKeys(catalog), SessionWeights.DEFAULT);

    static Listener listener(String id, Duration age) {
        return new Listener(id, NOW.minus(age), null, 0);
    }

    static HistoryEntry played(String track, double plays) {
        return new HistoryEntry(track, PlayDecay.weight(plays, NOW), plays, 0, 0, 0, 0, NOW);
    }

    private Map<String, Integer> genresOf(SessionRecommender.Result r) {
        Map<String, Integer> count = new HashMap<>();
        for (SessionRecommender.Pick p : r.picks()) {
            count.merge(catalog.genreName(catalog.trackGenres(p.track())[0]), 1, Integer::sum);
        }
        return count;
    }

    private static String top(Map<String, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
    }

    @Test
    void stagesFollowAccountAge() {
        assertThat(ColdStartStage.of(NOW.minus(Duration.ofDays(6)), NOW)).isEqualTo(ColdStartStage.WEEK_1);
        assertThat(ColdStartStage.of(NOW.minus(Duration.ofDays(7)), NOW)).isEqualTo(ColdStartStage.WEEKS_2_4);
        assertThat(ColdStartStage.of(NOW.minus(Duration.ofDays(27)), NOW)).isEqualTo(ColdStartStage.WEEKS_2_4);
        assertThat(ColdStartStage.of(NOW.minus(Duration.ofDays(28)), NOW)).isEqualTo(ColdStartStage.ESTABLISHED);
        // an imported account's first event counts when it is older than the account
        Listener imported = new Listener("x", NOW, NOW.minus(Duration.ofDays(90)), 10);
        assertThat(ColdStartStage.of(imported.since(), NOW)).isEqualTo(ColdStartStage.ESTABLISHED);
    }

    @Test
    void blendsAreTheDocumentedOnesAndPassOnMissingComponents() {
        assertThat(rec.blend(ColdStartStage.WEEK_1, true, true)).containsEntry("personality", 0.8).containsEntry("popularity", 0.2);
        assertThat(rec.blend(ColdStartStage.WEEKS_2_4, true, true)).containsEntry("personality", 0.6).containsEntry("history", 0.4);
        // the S-B seed's blend, kept as a named configuration
        SessionRecommender seed = new SessionRecommender(new FeatureSpace(catalog), new PersonalityMusicModel(catalog), new SongKeys(catalog),
                SessionWeights.SEED);
        Map<String, Double> est = seed.blend(ColdStartStage.ESTABLISHED, true, true);
        assertThat(est.get("history")).isCloseTo(0.4, within(1e-12));
        assertThat(est.get("personality")).isCloseTo(0.4, within(1e-12));
        assertThat(est.get("diversity")).isCloseTo(0.1, within(1e-12));
        assertThat(est.get("novelty")).isCloseTo(0.1, within(1e-12));
        // the default: the blend fitted on the replay's validation listeners (docs/EVALUATION.md)
        Map<String, Double> fitted = rec.blend(ColdStartStage.ESTABLISHED, true, true);
        assertThat(fitted.get("history")).isCloseTo(0.45, within(1e-12));
        assertThat(fitted.get("personality")).isCloseTo(0.45, within(1e-12));
        assertThat(fitted.get("diversity")).isCloseTo(0.1, within(1e-12));
        assertThat(fitted.get("novelty")).isZero();
        // no profile: personality's weight goes to history
        assertThat(rec.blend(ColdStartStage.WEEKS_2_4, true, false).get("history")).isCloseTo(1.0, within(1e-12));
        // nothing known: popular and varied
        assertThat(rec.blend(ColdStartStage.ESTABLISHED, false, false)).containsEntry("popularity", 0.8).containsEntry("diversity", 0.2);
        for (ColdStartStage s : ColdStartStage.values()) {
            for (boolean h : new boolean[] {true, false}) {
                for (boolean p : new boolean[] {true, false}) {
                    assertThat(rec.blend(s, h, p).values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0, within(1e-12));
                }
            }
        }
    }

    @Test
    void aBrandNewListenerWithNothingStillGetsAFullVariedList() {
        SessionRecommender.Result r = rec.recommend(new SessionRecommender.Input(listener("new", Duration.ZERO), List.of(), null, NOW, 50));
        assertThat(r.stage()).isEqualTo(ColdStartStage.WEEK_1);
        assertThat(r.picks()).hasSize(50);
        assertThat(genresOf(r)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(r.picks()).allSatisfy(p -> assertThat(p.explanation()).isNotBlank());
    }

    @Test
    void personalityDrivesTheFirstWeek() {
        PersonalityProfile open = new PersonalityProfile(new Traits(0.95, 0.6, 0.2, 0.6, 0.4), "traits", NOW);
        SessionRecommender.Result r = rec.recommend(new SessionRecommender.Input(listener("o", Duration.ofDays(2)), List.of(), open, NOW, 20));
        Map<String, Integer> g = genresOf(r);
        assertThat(g.getOrDefault("classical", 0) + g.getOrDefault("jazz", 0) + g.getOrDefault("folk", 0))
                .isGreaterThan(g.getOrDefault("dance", 0) + g.getOrDefault("metal", 0) + g.getOrDefault("pop", 0));
        assertThat(r.picks().get(0).reason()).isEqualTo("personality");
        assertThat(r.picks().get(0).explanation()).startsWith("Fits your");
    }

    @Test
    void historyLeadsOnceEstablishedAndHeardTracksAreNotRepeated() {
        List<HistoryEntry> history = new ArrayList<>();
        for (int a = 0; a < 3; a++) {
            for (int n = 0; n < 4; n++) {
                history.add(played("metal-" + a + "-" + n, 5 + n));
            }
        }
        history.sort(java.util.Comparator.comparingDouble(HistoryEntry::playScore).reversed());
        SessionRecommender.Result r = rec.recommend(new SessionRecommender.Input(listener("m", Duration.ofDays(60)), history, null, NOW, 10));
        assertThat(r.stage()).isEqualTo(ColdStartStage.ESTABLISHED);
        assertThat(top(genresOf(r))).isEqualTo("metal");
        Set<String> heard = new HashSet<>();
        history.forEach(h -> heard.add(h.trackId()));
        assertThat(r.picks()).noneMatch(p -> heard.contains(catalog.trackId(p.track())));
        SessionRecommender.Pick first = r.picks().get(0);
        assertThat(first.reason()).isEqualTo("history");
        assertThat(first.becauseOfTrack()).startsWith("metal-");
        assertThat(first.explanation()).startsWith("Sounds like \u201cmetal song").contains("which you played");
        assertThat(r.totalCandidates()).isGreaterThanOrEqualTo(r.picks().size());
    }

    @Test
    void atMostTwoTracksPerArtistAndScoresAreConsistent() {
        SessionRecommender.Result r = rec.recommend(new SessionRecommender.Input(listener("c", Duration.ofDays(40)),
                List.of(played("jazz-0-0", 3)), new PersonalityProfile(new Traits(0.2, 0.8, 0.9, 0.3, 0.6), "traits", NOW), NOW, 50));
        Map<Integer, Integer> perArtist = new HashMap<>();
        for (SessionRecommender.Pick p : r.picks()) {
            perArtist.merge(catalog.trackArtists(p.track())[0], 1, Integer::sum);
            double sum = p.contributions().get("history") + p.contributions().get("personality") + p.contributions().get("popularity")
                    + p.contributions().get("novelty") + p.contributions().get("diversity");
            assertThat(p.score()).isCloseTo(sum * (1 + p.contributions().get("adjustment")), within(1e-3));
            assertThat(Math.abs(p.contributions().get("adjustment"))).isLessThanOrEqualTo(0.05);
        }
        assertThat(perArtist.values()).allMatch(c -> c <= 2);
    }

    @Test
    void feedbackMovesGenresWithinTheBound() {
        List<HistoryEntry> likedFolk = new ArrayList<>();
        List<HistoryEntry> skippedFolk = new ArrayList<>();
        for (int n = 0; n < 5; n++) {
            likedFolk.add(new HistoryEntry("folk-0-" + n, 0, 0, 0, 2, 1, 0, NOW));
            skippedFolk.add(new HistoryEntry("folk-0-" + n, 0, 0, 3, 0, 0, 1, NOW));
        }
        int folk = catalog.genreTracks(catalog.genreIndexOf("folk"))[10];
        int dance = catalog.genreTracks(catalog.genreIndexOf("dance"))[0];
        GenreFeedback liked = GenreFeedback.of(catalog, likedFolk);
        GenreFeedback skipped = GenreFeedback.of(catalog, skippedFolk);
        assertThat(liked.adjustment(folk, 0.05)).isGreaterThan(0.03).isLessThanOrEqualTo(0.05);
        assertThat(skipped.adjustment(folk, 0.05)).isLessThan(-0.03).isGreaterThanOrEqualTo(-0.05);
        assertThat(liked.adjustment(dance, 0.05)).isZero();
    }

    @Test
    void sameInputSameAnswer() {
        SessionRecommender.Input in = new SessionRecommender.Input(listener("d", Duration.ofDays(10)), List.of(played("pop-1-1", 2)),
                new PersonalityProfile(new Traits(0.3, 0.3, 0.8, 0.7, 0.2), "traits", NOW), NOW, 50);
        assertThat(rec.recommend(in)).isEqualTo(rec.recommend(in));
    }
}
