package dev.mixtape.storage.listener;

import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.storage.jdbc.JdbcExperimentStore;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The JDBC half of the contract suite: counts rows straight from every table of the V3 migration. */
abstract class JdbcListenerStoreContract extends ListenerStoreContractTest {
    protected Database db;

    protected abstract Database openDatabase() throws Exception;

    protected void dropDatabase() throws Exception {}

    @Override
    protected ListenerStore openFresh() throws Exception {
        db = openDatabase();
        return new JdbcListenerStore(db.dataSource());
    }

    @Override
    protected void closeStore() throws Exception {
        if (db != null) {
            db.close();
        }
        dropDatabase();
    }

    @Override
    protected long rowsMentioning(String userId) throws Exception {
        long n = 0;
        try (Connection c = db.dataSource().getConnection()) {
            for (String sql : new String[] {
                "SELECT COUNT(*) FROM listeners WHERE id = ?",
                "SELECT COUNT(*) FROM listening_events WHERE user_id = ?",
                "SELECT COUNT(*) FROM listening_history WHERE user_id = ?",
                "SELECT COUNT(*) FROM personality_profiles WHERE user_id = ?",
                "SELECT COUNT(*) FROM session_recommendations WHERE user_id = ?",
                "SELECT COUNT(*) FROM experiment_impressions WHERE user_id = ?",
                "SELECT COUNT(*) FROM spotify_links WHERE user_id = ?"}) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setString(1, userId);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
        }
        return n;
    }

    @Test
    void spotifyLinksAreDueInOrderRecordImportsAndGoWithTheirListener() throws Exception {
        dev.mixtape.storage.jdbc.JdbcSpotifyLinks links = new dev.mixtape.storage.jdbc.JdbcSpotifyLinks(db.dataSource());
        store.createUser("sp-a", NOW);
        store.createUser("sp-b", NOW);
        links.link("sp-a", "refresh-a", NOW, NOW.plusSeconds(100));
        links.link("sp-b", "refresh-b", NOW, NOW.plusSeconds(50));
        assertThat(links.due(NOW.plusSeconds(10), 10)).isEmpty();
        assertThat(links.due(NOW.plusSeconds(200), 10)).extracting(dev.mixtape.storage.jdbc.JdbcSpotifyLinks.Link::userId)
                .containsExactly("sp-b", "sp-a");
        assertThat(links.due(NOW.plusSeconds(200), 1)).hasSize(1);

        // an import that worked: its time, the next, and a rotated token; one that failed keeps the last good time
        links.imported("sp-a", NOW.plusSeconds(100), NOW.plusSeconds(21_700), null, "refresh-a2");
        var a = links.get("sp-a").orElseThrow();
        assertThat(a.refreshToken()).isEqualTo("refresh-a2");
        assertThat(a.lastImportAt()).isEqualTo(NOW.plusSeconds(100));
        assertThat(a.nextImportAt()).isEqualTo(NOW.plusSeconds(21_700));
        assertThat(a.toString()).doesNotContain("refresh-a2");
        links.imported("sp-a", NOW.plusSeconds(200), null, "Spotify refused the refresh token (invalid_grant)", null);
        a = links.get("sp-a").orElseThrow();
        assertThat(a.nextImportAt()).isNull();
        assertThat(a.lastImportAt()).isEqualTo(NOW.plusSeconds(100));
        assertThat(a.lastError()).contains("invalid_grant");
        assertThat(links.due(NOW.plusSeconds(1_000_000), 10)).extracting(dev.mixtape.storage.jdbc.JdbcSpotifyLinks.Link::userId)
                .containsExactly("sp-b");
        // linking again replaces the token and clears the error
        links.link("sp-a", "refresh-a3", NOW.plusSeconds(300), NOW.plusSeconds(300));
        a = links.get("sp-a").orElseThrow();
        assertThat(a.refreshToken()).isEqualTo("refresh-a3");
        assertThat(a.lastError()).isNull();

        assertThat(links.unlink("sp-b")).isTrue();
        assertThat(links.unlink("sp-b")).isFalse();
        assertThat(store.deleteUser("sp-a")).isTrue();
        assertThat(links.get("sp-a")).isEmpty();
        assertThat(rowsMentioning("sp-a")).isZero();
    }

    static ListeningEvent outcome(String user, String track, EventType type, long ms, String recommendation, int i) {
        return new ListeningEvent(user, track, type, NOW.plusSeconds(i), ms, recommendation, EventKeys.of(user, recommendation + i));
    }

    @Test
    void armCountsCountAnswersWithOutcomesTheirTracksAndDistinctPositiveTracks() {
        JdbcExperimentStore experiments = new JdbcExperimentStore(db.dataSource());
        experiments.logImpressions(List.of(
                new JdbcExperimentStore.Impression("r1", "auto:listener/day", "content", "u", 10, NOW),
                new JdbcExperimentStore.Impression("r2", "auto:listener/day", "content", "u", 10, NOW),
                new JdbcExperimentStore.Impression("r3", "auto:listener/day", "hybrid", "u", 5, NOW),
                new JdbcExperimentStore.Impression("r4", "auto:listener/day", "hybrid", "u", 5, NOW), // no outcome: not counted
                new JdbcExperimentStore.Impression("r5", "auto:track/day", "content", "u", 10, NOW.minusSeconds(90_000)),
                new JdbcExperimentStore.Impression("r6", "a_b-test", "control", "u", 10, NOW)));
        List<ListeningEvent> events = List.of(
                outcome("u", "t1", EventType.LIKE, 0, "r1", 1),
                outcome("u", "t1", EventType.SAVE, 0, "r1", 2), // the same track twice: one positive
                outcome("u", "t2", EventType.PLAY, 45_000, "r1", 3),
                outcome("u", "t3", EventType.PLAY, 5_000, "r1", 4), // too short to be positive
                outcome("u", "t4", EventType.SKIP, 0, "r2", 5), // engaged, no positive
                outcome("u", "t5", EventType.SAVE, 0, "r3", 6),
                outcome("u", "t6", EventType.LIKE, 0, "r5", 7),
                outcome("u", "t7", EventType.LIKE, 0, "r6", 8));
        store.append(events, new double[events.size()], NOW);
        Map<String, Map<String, JdbcExperimentStore.ArmCounts>> counts = experiments.armCounts("auto:", NOW.minusSeconds(3600), 30_000);
        assertThat(counts).containsOnlyKeys("auto:listener/day");
        assertThat(counts.get("auto:listener/day")).containsEntry("content", new JdbcExperimentStore.ArmCounts(2, 20, 2))
                .containsEntry("hybrid", new JdbcExperimentStore.ArmCounts(1, 5, 1));
        assertThat(experiments.armCounts("auto:", NOW.minusSeconds(100_000), 30_000)).containsKeys("auto:listener/day", "auto:track/day");
    }
    @Test
    void experimentsAreCreatedOnceListedOldestFirstAndCountImpressionsWithTheirOutcomes() {
        JdbcExperimentStore experiments = new JdbcExperimentStore(db.dataSource());
        dev.mixtape.core.experiment.Experiment first = new dev.mixtape.core.experiment.Experiment("first", List.of(
                new dev.mixtape.core.experiment.Experiment.Variant("control", "content", 0.5),
                new dev.mixtape.core.experiment.Experiment.Variant("treat", "hybrid", 0.5)), NOW, NOW.plusSeconds(86_400), NOW);
        dev.mixtape.core.experiment.Experiment second = new dev.mixtape.core.experiment.Experiment("second", List.of(
                new dev.mixtape.core.experiment.Experiment.Variant("a", "popularity", 0.25),
                new dev.mixtape.core.experiment.Experiment.Variant("b", "session", 0.75)), null, null, NOW.plusSeconds(1));
        assertThat(experiments.create(second)).isTrue();
        assertThat(experiments.create(first)).isTrue();
        assertThat(experiments.create(first)).as("a second experiment of the same name").isFalse();
        assertThat(experiments.get("first")).contains(first);
        assertThat(experiments.get("second")).contains(second); // open-ended: no start, no end
        assertThat(experiments.get("nope")).isEmpty();
        assertThat(experiments.list()).containsExactly(first, second);

        store.createUser("ex-u", NOW);
        experiments.logImpressions(List.of(
                new JdbcExperimentStore.Impression("i1", "first", "control", "ex-u", 10, NOW.plusSeconds(5)),
                new JdbcExperimentStore.Impression("i2", "first", "treat", "ex-u", 10, NOW.plusSeconds(2)),
                new JdbcExperimentStore.Impression("i3", "first", "treat", "other", 10, NOW)));
        experiments.logImpression("i4", "second", "b", "ex-u", NOW.plusSeconds(9));
        List<ListeningEvent> events = List.of(outcome("ex-u", "t1", EventType.SAVE, 0, "i2", 1),
                outcome("ex-u", "t2", EventType.LIKE, 0, "i2", 2), outcome("other", "t3", EventType.LIKE, 0, "i3", 3));
        store.append(events, new double[events.size()], NOW);
        assertThat(experiments.counts("first")).containsOnly(Map.entry("control", new JdbcExperimentStore.Counts(1, 0, 0)),
                Map.entry("treat", new JdbcExperimentStore.Counts(2, 1, 2)));
        assertThat(experiments.counts("nope")).isEmpty();
        // a listener's impressions, oldest first: what an export shows and a delete removes
        assertThat(experiments.impressions("ex-u")).extracting(JdbcExperimentStore.Impression::recommendationId)
                .containsExactly("i2", "i1", "i4");
        assertThat(experiments.impressions("ex-u").get(0))
                .isEqualTo(new JdbcExperimentStore.Impression("i2", "first", "treat", "ex-u", 10, NOW.plusSeconds(2)));
        store.deleteUser("ex-u");
        assertThat(experiments.impressions("ex-u")).isEmpty();
        assertThat(experiments.impressions("other")).hasSize(1);
    }
}
