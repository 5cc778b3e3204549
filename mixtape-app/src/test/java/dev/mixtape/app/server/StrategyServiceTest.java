package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.algo.listener.SessionWeights;
import dev.mixtape.algo.strategy.HybridStrategy;
import dev.mixtape.algo.strategy.UserContext;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.Track;
import dev.mixtape.storage.cache.TieredCache;
import dev.mixtape.storage.memory.MemoryListenerStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The v2 service over a small synthetic catalog: request parsing, the seed specification's spelling, batches. */
class StrategyServiceTest {
    static final Instant NOW = Instant.parse("2026-06-03T14:30:00Z"); // a Wednesday afternoon, UTC
    static final Catalog CATALOG = catalog();

    final EngineHolder engines = new EngineHolder();
    final TieredCache cache = new TieredCache(null);
    final ListenerService listeners;
    final SessionService sessions;
    final EventIngest events;
    final StrategyService service;

    StrategyServiceTest() {
        engines.set(Engine.of(CATALOG));
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ListenerServices wired = ListenerServices.over(new MemoryListenerStore(), cache, engines, SessionWeights.DEFAULT, clock);
        listeners = wired.listeners();
        sessions = wired.sessions();
        events = wired.events();
        service = new StrategyService(engines, listeners, sessions, cache, HybridStrategy.DEFAULT_WEIGHTS, clock);
        events.onEvents(service::learn);
    }

    @AfterEach
    void close() {
        events.close();
        sessions.close();
    }

    @Test
    void aFailingOnlineLearnerDoesNotFailAnAcknowledgedBatch() {
        events.onEvents(stored -> {
            throw new IllegalStateException("learner broke");
        });
        listeners.createUser("u-learner", NOW.minusSeconds(86_400));
        JsonNode batch = JsonBody.object("{\"events\":[{\"user_id\":\"u-learner\",\"track_id\":\"jazz-0-0\",\"type\":\"play\","
                + "\"timestamp\":\"" + NOW.minusSeconds(60) + "\",\"ms_played\":180000}]}", Set.of("events"), "{}");
        assertThat(events.ingest(batch).accepted()).isEqualTo(1);
        assertThat(listeners.userData("u-learner").history()).hasSize(1);
    }

    /** 4 genres × 4 artists × 5 tracks, with features around a centre per genre; ids {@code <genre>-<artist>-<n>}. */
    static Catalog catalog() {
        Random rnd = new Random(5);
        String[] genres = {"jazz", "metal", "pop", "folk"};
        double[][] centres = {{0.7, 0.5, 0.35, 110}, {0.05, 0.35, 0.95, 150}, {0.2, 0.7, 0.65, 118}, {0.8, 0.5, 0.35, 100}};
        CatalogBuilder b = new CatalogBuilder();
        for (int g = 0; g < genres.length; g++) {
            double[] c = centres[g];
            for (int a = 0; a < 4; a++) {
                ArtistRef artist = new ArtistRef(genres[g] + "-artist-" + a, genres[g] + " artist " + a);
                for (int n = 0; n < 5; n++) {
                    AudioFeatures f = new AudioFeatures(clip(c[0] + 0.05 * rnd.nextGaussian()), clip(c[1] + 0.05 * rnd.nextGaussian()),
                            clip(c[2] + 0.05 * rnd.nextGaussian()), 0.1, 0.1, 0.05, clip(0.5 + 0.1 * rnd.nextGaussian()), rnd.nextInt(12),
                            rnd.nextInt(2), -8 + rnd.nextGaussian(), c[3] + 5 * rnd.nextGaussian(), 4);
                    b.add(new Track(genres[g] + "-" + a + "-" + n, genres[g] + " song " + a + "." + n, List.of(artist),
                            new AlbumRef(genres[g] + "-album-" + a, "Album"), 200_000, false, 10 + rnd.nextInt(80), Set.of(genres[g]), f));
                }
            }
        }
        return b.build();
    }

    private static double clip(double v) {
        return Math.max(0, Math.min(1, v));
    }

    static JsonNode json(String s) {
        return JsonBody.object(s, SeedSpelling.FIELDS, "{}");
    }

    JsonNode answer(String body) throws Exception {
        return JsonBody.JSON.readTree(service.recommend(json(body)).body());
    }

    static List<String> ids(JsonNode answer) {
        List<String> out = new ArrayList<>();
        answer.get("recommendations").forEach(r -> out.add(r.get("track").get("id").asText()));
        return out;
    }

    @Test
    void theSeedSpellingAsksTheSameAsOurs() throws Exception {
        JsonNode ours = answer("{\"track_id\":\"jazz-0-0\",\"strategy\":\"content\",\"n\":6,\"exclude\":[\"jazz-0-1\",\"jazz-1-0\"]}");
        JsonNode seed = answer("{\"track_id\":\"jazz-0-0\",\"strategy\":\"content\",\"n_recommendations\":6,"
                + "\"exclude_tracks\":[\"jazz-0-1\",\"jazz-1-0\"]}");
        assertThat(ids(ours)).hasSize(6).doesNotContain("jazz-0-1", "jazz-1-0");
        assertThat(ids(seed)).isEqualTo(ids(ours));
        // the same request in either spelling: one cache entry
        assertThat(seed.get("metadata").get("cache_status").asText()).isEqualTo("hit");
        JsonNode mixed = answer("{\"track_id\":\"jazz-0-0\",\"strategy\":\"content\",\"n\":6,\"n_recommendations\":6,"
                + "\"exclude\":[\"jazz-0-1\",\"jazz-1-0\"],\"exclude_tracks\":[\"jazz-1-0\",\"jazz-0-1\"]}");
        assertThat(ids(mixed)).isEqualTo(ids(ours));
    }

    @Test
    void bothSpellingsThatDifferAreA400NamingBoth() {
        assertThatThrownBy(() -> service.recommend(json("{\"track_id\":\"jazz-0-0\",\"n\":6,\"n_recommendations\":7}")))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("n and n_recommendations").hasMessageContaining("6 and 7");
        assertThatThrownBy(() -> service.recommend(json("{\"track_id\":\"jazz-0-0\",\"exclude\":[\"pop-0-0\"],\"exclude_tracks\":[]}")))
                .hasMessageContaining("exclude and exclude_tracks");
        assertThatThrownBy(() -> service.recommend(json("{\"track_id\":\"jazz-0-0\",\"user_context\":{\"time\":\"2026-06-03T20:00:00+02:00\","
                + "\"time_of_day\":\"morning\"}}"))).hasMessageContaining("user_context.time and user_context.time_of_day")
                .hasMessageContaining("evening, not morning");
        assertThatThrownBy(() -> service.recommend(json("{\"track_id\":\"jazz-0-0\",\"user_context\":{\"time_of_day\":\"noon\"}}")))
                .hasMessageContaining("user_context.time_of_day must be morning, afternoon, evening or night, got 'noon'");
        assertThatThrownBy(() -> service.recommend(json("{\"track_id\":\"jazz-0-0\",\"n_recommendations\":0}")))
                .hasMessageContaining("n must be from 1 to 100");
        assertThatThrownBy(() -> json("{\"track_id\":\"jazz-0-0\",\"count\":3}")).hasMessageContaining("unknown field 'count'")
                .hasMessageContaining("n_recommendations").hasMessageContaining("exclude_tracks");
    }

    @Test
    void timeOfDayIsALocalTimeInThatPartOfTheDay() {
        ZonedDateTime now = NOW.atZone(ZoneOffset.UTC); // 14:30, an afternoon
        assertThat(SeedSpelling.atDayPart(UserContext.DayPart.AFTERNOON, now)).isEqualTo(now);
        assertThat(SeedSpelling.atDayPart(UserContext.DayPart.MORNING, now)).isEqualTo(ZonedDateTime.parse("2026-06-03T08:00Z"));
        assertThat(SeedSpelling.atDayPart(UserContext.DayPart.NIGHT, now)).isEqualTo(ZonedDateTime.parse("2026-06-03T01:00Z"));
        assertThat(SeedSpelling.atDayPart(UserContext.DayPart.EVENING, now)).isEqualTo(ZonedDateTime.parse("2026-06-02T19:00Z"));
        for (UserContext.DayPart p : UserContext.DayPart.values()) {
            for (int h = 0; h < 24; h++) {
                ZonedDateTime t = now.withHour(h);
                ZonedDateTime at = SeedSpelling.atDayPart(p, t);
                assertThat(SeedSpelling.partOf(at)).as("%s from %s", p, t).isEqualTo(p);
                assertThat(at).as("%s from %s", p, t).isBeforeOrEqualTo(t).isAfter(t.minusDays(1));
            }
        }
        // in the listener's offset, and with the same words as ours otherwise
        UserContext c = StrategyService.context(json("{\"user_context\":{\"time_of_day\":\"Morning\",\"utc_offset\":\"+09:00\",\"mood\":\"calm\"}}")
                .get("user_context"), NOW);
        assertThat(c.time()).isEqualTo(ZonedDateTime.parse("2026-06-03T08:00+09:00"));
        assertThat(c.dayPart()).isEqualTo(UserContext.DayPart.MORNING);
        assertThat(c.mood()).isEqualTo("calm");
        UserContext agreed = StrategyService.context(json("{\"user_context\":{\"time_of_day\":\"evening\",\"time\":\"2026-06-03T20:00:00+02:00\"}}")
                .get("user_context"), NOW);
        assertThat(agreed.time()).isEqualTo(ZonedDateTime.parse("2026-06-03T20:00+02:00"));
    }

    @Test
    void autoReadsTimeOfDayLikeALocalTime() throws Exception {
        JsonNode r = answer("{\"track_id\":\"pop-1-1\",\"n_recommendations\":5,\"user_context\":{\"time_of_day\":\"morning\"}}");
        assertThat(r.get("strategy").get("chosen").asText()).isEqualTo("contextual");
        assertThat(r.get("strategy").get("auto_reason").asText()).contains("morning").contains("08:00");
        assertThat(r.get("recommendations")).hasSize(5);
    }

    @Test
    void aBatchTakesTheSeedSpellingPerRequestAndReportsAConflictInItsPlace() throws Exception {
        JsonNode batch = JsonBody.JSON.readTree(service.batch(JsonBody.JSON.readTree("{\"requests\":["
                + "{\"track_id\":\"folk-0-0\",\"strategy\":\"content\",\"n_recommendations\":4,\"exclude_tracks\":[\"folk-0-1\"]},"
                + "{\"track_id\":\"folk-0-0\",\"n\":4,\"n_recommendations\":5},"
                + "{\"track_id\":\"folk-0-0\",\"strategy\":\"contextual\",\"n_recommendations\":3,\"user_context\":{\"time_of_day\":\"night\"}}]}")));
        JsonNode results = batch.get("results");
        assertThat(results).hasSize(3);
        assertThat(ids(results.get(0))).hasSize(4).doesNotContain("folk-0-1");
        assertThat(results.get(1).get("error").get("status").asInt()).isEqualTo(400);
        assertThat(results.get(1).get("error").get("message").asText()).contains("n and n_recommendations");
        assertThat(ids(results.get(2))).hasSize(3);
        assertThat(batch.get("metadata").get("errors").asInt()).isEqualTo(1);
    }
}
