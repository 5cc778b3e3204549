package dev.mixtape.storage.jdbc;

import dev.mixtape.core.StoreUnavailableException;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.Traits;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@link ListenerStore} over JDBC: the embedded H2 database or PostgreSQL, with the V3 migration's
 * tables. A batch of events is one transaction: known keys are looked up, new events are inserted with a
 * JDBC batch, and the listener rows and history rows the batch touches are upserted once each, adding
 * the batch's counts to the stored ones (PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE}; H2 a batch of
 * relative {@code UPDATE}s, then a batch of {@code INSERT}s for the rows that were not there). When a concurrent batch inserts the same key first, the transaction is
 * retried, so a key is never counted twice.
 */
public final class JdbcListenerStore implements ListenerStore {
    private static final int KEY_CHUNK = 500;
    private static final int RETRIES = 5;

    /** How long a request may queue for a connection before it is told the store is overloaded. */
    static final long QUEUE_SECONDS = 30;

    private final DataSource ds;
    private final boolean postgres;
    private final java.util.concurrent.Semaphore permits;
    private final java.util.concurrent.locks.ReentrantLock h2Writes = new java.util.concurrent.locks.ReentrantLock(true);

    /** A store using at most 8 connections at once (the pool's size, see {@link Database}). */
    public JdbcListenerStore(DataSource ds) {
        this(ds, 8);
    }

    /**
     * @param maxConnections connections used at once: more concurrent requests queue here, fairly, for up to
     *                       {@value #QUEUE_SECONDS} s, so that under load they wait instead of failing on the
     *                       pool's short timeout (which stays short to notice a database that is down)
     */
    public JdbcListenerStore(DataSource ds, int maxConnections) {
        this.ds = ds;
        this.permits = new java.util.concurrent.Semaphore(maxConnections, true);
        try (Connection c = connect()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
        } catch (SQLException e) {
            throw failure("cannot reach the database", e);
        }
    }

    @Override
    public Created createUser(String id, Instant createdAt) {
        for (int attempt = 0; ; attempt++) {
            Optional<Listener> existing = user(id);
            if (existing.isPresent()) {
                return new Created(existing.get(), false);
            }
            try (Connection c = connect();
                 PreparedStatement ps = c.prepareStatement("INSERT INTO listeners (id, created_at, event_count) VALUES (?, ?, 0)")) {
                ps.setString(1, id);
                ps.setLong(2, createdAt.toEpochMilli());
                ps.executeUpdate();
                Database.flushCommitted(c);
                return new Created(new Listener(id, Instant.ofEpochMilli(createdAt.toEpochMilli()), null, 0), true);
            } catch (SQLException e) {
                if (!isUniqueViolation(e) || attempt >= RETRIES) {
                    throw failure("cannot create listener " + id, e);
                }
            }
        }
    }

    @Override
    public Optional<Listener> user(String id) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT created_at, first_event_at, event_count FROM listeners WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                long first = rs.getLong(2);
                Instant firstAt = rs.wasNull() ? null : Instant.ofEpochMilli(first);
                return Optional.of(new Listener(id, Instant.ofEpochMilli(rs.getLong(1)), firstAt, rs.getLong(3)));
            }
        } catch (SQLException e) {
            throw failure("cannot read listener " + id, e);
        }
    }

    @Override
    public boolean deleteUser(String id) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                int n = 0;
                for (String sql : new String[] {
                    "DELETE FROM listening_events WHERE user_id = ?",
                    "DELETE FROM listening_history WHERE user_id = ?",
                    "DELETE FROM personality_profiles WHERE user_id = ?",
                    "DELETE FROM session_recommendations WHERE user_id = ?",
                    "DELETE FROM experiment_impressions WHERE user_id = ?",
                    "DELETE FROM spotify_links WHERE user_id = ?",
                    "DELETE FROM listeners WHERE id = ?"}) {
                    try (PreparedStatement ps = c.prepareStatement(sql)) {
                        ps.setString(1, id);
                        n = ps.executeUpdate();
                    }
                }
                c.commit();
                Database.flushCommitted(c);
                return n > 0;
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot delete listener " + id, e);
        }
    }

    @Override
    public boolean[] append(List<ListeningEvent> events, double[] plays, Instant now) {
        if (events.isEmpty()) {
            return new boolean[0];
        }
        for (int attempt = 0; ; attempt++) {
            // H2 writes through one store lock anyway: batches taken one at a time commit faster than batches that
            // contend for it (measured: one writer ~30k events/s, two writers 12-15k); PostgreSQL runs them side by side
            if (!postgres) {
                h2Writes.lock();
            }
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try {
                    boolean[] inserted = appendIn(c, events, plays, now);
                    c.commit();
                    Database.flushCommitted(c);
                    return inserted;
                } catch (SQLException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                if (!(isUniqueViolation(e) || isSerializationFailure(e)) || attempt >= RETRIES) {
                    throw failure("cannot store " + events.size() + " events", e);
                }
            } finally {
                if (!postgres) {
                    h2Writes.unlock();
                }
            }
        }
    }

    private boolean[] appendIn(Connection c, List<ListeningEvent> events, double[] plays, Instant now) throws SQLException {
        Set<String> known = knownKeys(c, events);
        boolean[] inserted = new boolean[events.size()];
        // sorted, so concurrent batches lock rows in one order and cannot deadlock
        Map<String, long[]> users = new java.util.TreeMap<>(); // id -> {count, first event}
        Map<String, Map<String, HistoryEntry>> rows = new java.util.TreeMap<>();
        long received = now.toEpochMilli();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO listening_events (event_key, user_id, track_id, event_type, "
                + "occurred_at, ms_played, recommendation_id, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < events.size(); i++) {
                ListeningEvent e = events.get(i);
                if (!known.add(e.key())) {
                    continue;
                }
                inserted[i] = true;
                ps.setObject(1, UUID.fromString(e.key()));
                ps.setString(2, e.userId());
                ps.setString(3, e.trackId());
                ps.setShort(4, (short) e.type().ordinal());
                ps.setLong(5, e.timestamp().toEpochMilli());
                ps.setLong(6, e.msPlayed());
                if (e.recommendationId() == null) {
                    ps.setNull(7, Types.VARCHAR);
                } else {
                    ps.setString(7, e.recommendationId());
                }
                ps.setLong(8, received);
                ps.addBatch();
                long[] u = users.computeIfAbsent(e.userId(), k -> new long[] {0, Long.MAX_VALUE});
                u[0]++;
                u[1] = Math.min(u[1], e.timestamp().toEpochMilli());
                rows.computeIfAbsent(e.userId(), k -> new HashMap<>())
                        .merge(e.trackId(), HistoryEntry.of(e, plays[i]), HistoryEntry::plus);
            }
            if (users.isEmpty()) {
                return inserted;
            }
            ps.executeBatch();
        }
        upsertListeners(c, users, received);
        upsertHistory(c, rows);
        return inserted;
    }

    private static Set<String> knownKeys(Connection c, List<ListeningEvent> events) throws SQLException {
        Set<String> known = new HashSet<>();
        List<String> keys = events.stream().map(ListeningEvent::key).distinct().toList();
        for (int from = 0; from < keys.size(); from += KEY_CHUNK) {
            List<String> chunk = keys.subList(from, Math.min(keys.size(), from + KEY_CHUNK));
            String marks = String.join(",", java.util.Collections.nCopies(chunk.size(), "?"));
            try (PreparedStatement ps = c.prepareStatement("SELECT event_key FROM listening_events WHERE event_key IN (" + marks + ")")) {
                for (int i = 0; i < chunk.size(); i++) {
                    ps.setObject(i + 1, UUID.fromString(chunk.get(i)));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        known.add(rs.getObject(1, UUID.class).toString());
                    }
                }
            }
        }
        return known;
    }

    private void upsertListeners(Connection c, Map<String, long[]> users, long now) throws SQLException {
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO listeners AS t (id, created_at, first_event_at, event_count) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count, "
                    + "first_event_at = LEAST(COALESCE(t.first_event_at, EXCLUDED.first_event_at), EXCLUDED.first_event_at)")) {
                for (Map.Entry<String, long[]> u : users.entrySet()) {
                    ps.setString(1, u.getKey());
                    ps.setLong(2, now);
                    ps.setLong(3, u.getValue()[1]);
                    ps.setLong(4, u.getValue()[0]);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        // H2: relative updates (row-locked, so concurrent batches add up), then inserts for the rows that were not there;
        // a concurrent insert of the same row fails the transaction with a unique violation, and append retries it
        List<Map.Entry<String, long[]>> list = new ArrayList<>(users.entrySet());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE listeners SET event_count = event_count + ?, "
                + "first_event_at = LEAST(COALESCE(first_event_at, ?), ?) WHERE id = ?")) {
            for (Map.Entry<String, long[]> u : list) {
                ps.setLong(1, u.getValue()[0]);
                ps.setLong(2, u.getValue()[1]);
                ps.setLong(3, u.getValue()[1]);
                ps.setString(4, u.getKey());
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO listeners (id, created_at, first_event_at, event_count) VALUES (?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < list.size(); i++) {
                if (updated[i] == 0) {
                    ps.setString(1, list.get(i).getKey());
                    ps.setLong(2, now);
                    ps.setLong(3, list.get(i).getValue()[1]);
                    ps.setLong(4, list.get(i).getValue()[0]);
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private void upsertHistory(Connection c, Map<String, Map<String, HistoryEntry>> rows) throws SQLException {
        List<String> users = new ArrayList<>();
        List<HistoryEntry> entries = new ArrayList<>();
        for (Map.Entry<String, Map<String, HistoryEntry>> u : rows.entrySet()) {
            // a stable order of rows keeps concurrent batches from deadlocking on each other's locks
            List<HistoryEntry> mine = new ArrayList<>(u.getValue().values());
            mine.sort(java.util.Comparator.comparing(HistoryEntry::trackId));
            for (HistoryEntry h : mine) {
                users.add(u.getKey());
                entries.add(h);
            }
        }
        String columns = "user_id, track_id, play_score, plays, skips, likes, saves, dislikes, last_event_at";
        if (postgres) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO listening_history AS t (" + columns + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, track_id) DO UPDATE SET play_score = t.play_score + "
                    + "EXCLUDED.play_score, plays = t.plays + EXCLUDED.plays, skips = t.skips + EXCLUDED.skips, "
                    + "likes = t.likes + EXCLUDED.likes, saves = t.saves + EXCLUDED.saves, dislikes = t.dislikes + EXCLUDED.dislikes, "
                    + "last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)")) {
                for (int i = 0; i < entries.size(); i++) {
                    bindHistory(ps, users.get(i), entries.get(i));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return;
        }
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE listening_history SET play_score = play_score + ?, plays = plays + ?, "
                + "skips = skips + ?, likes = likes + ?, saves = saves + ?, dislikes = dislikes + ?, "
                + "last_event_at = GREATEST(last_event_at, ?) WHERE user_id = ? AND track_id = ?")) {
            for (int i = 0; i < entries.size(); i++) {
                HistoryEntry h = entries.get(i);
                ps.setDouble(1, h.playScore());
                ps.setDouble(2, h.plays());
                ps.setInt(3, h.skips());
                ps.setInt(4, h.likes());
                ps.setInt(5, h.saves());
                ps.setInt(6, h.dislikes());
                ps.setLong(7, h.lastEventAt().toEpochMilli());
                ps.setString(8, users.get(i));
                ps.setString(9, h.trackId());
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO listening_history (" + columns + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < entries.size(); i++) {
                if (updated[i] == 0) {
                    bindHistory(ps, users.get(i), entries.get(i));
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }

    private static void bindHistory(PreparedStatement ps, String user, HistoryEntry h) throws SQLException {
        ps.setString(1, user);
        ps.setString(2, h.trackId());
        ps.setDouble(3, h.playScore());
        ps.setDouble(4, h.plays());
        ps.setInt(5, h.skips());
        ps.setInt(6, h.likes());
        ps.setInt(7, h.saves());
        ps.setInt(8, h.dislikes());
        ps.setLong(9, h.lastEventAt().toEpochMilli());
    }

    @Override
    public List<HistoryEntry> history(String userId, int limit) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT track_id, play_score, plays, skips, likes, saves, dislikes, "
                     + "last_event_at FROM listening_history WHERE user_id = ? ORDER BY play_score DESC, track_id LIMIT ?")) {
            ps.setString(1, userId);
            ps.setInt(2, limit);
            List<HistoryEntry> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new HistoryEntry(rs.getString(1), rs.getDouble(2), rs.getDouble(3), rs.getInt(4), rs.getInt(5),
                            rs.getInt(6), rs.getInt(7), Instant.ofEpochMilli(rs.getLong(8))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw failure("cannot read the history of " + userId, e);
        }
    }

    @Override
    public void scanHistories(HistoryVisitor visitor) {
        try (Connection c = connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT user_id, track_id, play_score, plays, skips, likes, saves, "
                    + "dislikes, last_event_at FROM listening_history ORDER BY user_id")) {
                ps.setFetchSize(10_000);
                String current = null;
                List<HistoryEntry> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String user = rs.getString(1);
                        if (current != null && !current.equals(user)) {
                            visitor.listener(current, List.copyOf(rows));
                            rows.clear();
                        }
                        current = user;
                        rows.add(new HistoryEntry(rs.getString(2), rs.getDouble(3), rs.getDouble(4), rs.getInt(5), rs.getInt(6),
                                rs.getInt(7), rs.getInt(8), Instant.ofEpochMilli(rs.getLong(9))));
                    }
                }
                if (current != null) {
                    visitor.listener(current, List.copyOf(rows));
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("cannot read the listening histories", e);
        }
    }

    @Override
    public EventStats eventStats() {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), MAX(received_at) FROM listening_events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            long n = rs.getLong(1);
            long last = rs.getLong(2);
            return new EventStats(n, rs.wasNull() ? null : Instant.ofEpochMilli(last));
        } catch (SQLException e) {
            throw failure("cannot count the events", e);
        }
    }

    @Override
    public void putPersonality(String userId, PersonalityProfile p) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM personality_profiles WHERE user_id = ?")) {
                    del.setString(1, userId);
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO personality_profiles (user_id, openness, "
                        + "conscientiousness, extraversion, agreeableness, neuroticism, source, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, userId);
                    double[] t = p.traits().toArray();
                    for (int i = 0; i < t.length; i++) {
                        ps.setDouble(2 + i, t[i]);
                    }
                    ps.setString(7, p.source());
                    ps.setLong(8, p.updatedAt().toEpochMilli());
                    ps.executeUpdate();
                }
                c.commit();
                Database.flushCommitted(c);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot store the personality of " + userId, e);
        }
    }

    @Override
    public Optional<PersonalityProfile> personality(String userId) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT openness, conscientiousness, extraversion, agreeableness, "
                     + "neuroticism, source, updated_at FROM personality_profiles WHERE user_id = ?")) {
            ps.setString(1, userId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Traits t = new Traits(rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4), rs.getDouble(5));
                return Optional.of(new PersonalityProfile(t, rs.getString(6), Instant.ofEpochMilli(rs.getLong(7))));
            }
        } catch (SQLException e) {
            throw failure("cannot read the personality of " + userId, e);
        }
    }

    @Override
    public void events(String userId, java.util.function.Consumer<ListeningEvent> sink) {
        try (Connection c = connect()) {
            c.setAutoCommit(false); // PostgreSQL streams with a cursor only inside a transaction
            try (PreparedStatement ps = c.prepareStatement("SELECT track_id, event_type, occurred_at, ms_played, recommendation_id, "
                    + "event_key FROM listening_events WHERE user_id = ? ORDER BY occurred_at, received_at, event_key")) {
                ps.setFetchSize(10_000);
                ps.setString(1, userId);
                EventType[] types = EventType.values();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new ListeningEvent(userId, rs.getString(1), types[rs.getShort(2)], Instant.ofEpochMilli(rs.getLong(3)),
                                rs.getLong(4), rs.getString(5), rs.getObject(6, UUID.class).toString()));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("cannot read the events of " + userId, e);
        }
    }

    @Override
    public void sessions(String userId, java.util.function.Consumer<SessionRecord> sink) {
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT id, created_at, payload FROM session_recommendations "
                    + "WHERE user_id = ? ORDER BY created_at, id")) {
                ps.setFetchSize(1_000);
                ps.setString(1, userId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(new SessionRecord(rs.getString(1), userId, Instant.ofEpochMilli(rs.getLong(2)), rs.getString(3)));
                    }
                }
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw failure("cannot read the sessions of " + userId, e);
        }
    }

    @Override
    public void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO session_recommendations (id, user_id, created_at, payload) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, sessionId);
            ps.setString(2, userId);
            ps.setLong(3, createdAt.toEpochMilli());
            ps.setString(4, payloadJson);
            ps.executeUpdate();
            Database.flushCommitted(c);
        } catch (SQLException e) {
            throw failure("cannot store session " + sessionId, e);
        }
    }

    @Override
    public void saveSessions(List<SessionRecord> sessions) {
        if (sessions.isEmpty()) {
            return;
        }
        try (Connection c = connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO session_recommendations (id, user_id, created_at, payload) "
                    + "SELECT ?, ?, ?, ? FROM listeners WHERE id = ?")) {
                for (SessionRecord r : sessions) {
                    ps.setString(1, r.sessionId());
                    ps.setString(2, r.userId());
                    ps.setLong(3, r.createdAt().toEpochMilli());
                    ps.setString(4, r.payloadJson());
                    ps.setString(5, r.userId());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
                Database.flushCommitted(c);
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure("cannot store " + sessions.size() + " sessions", e);
        }
    }

    @Override
    public Optional<String> session(String sessionId) {
        try (Connection c = connect();
             PreparedStatement ps = c.prepareStatement("SELECT payload FROM session_recommendations WHERE id = ?")) {
            ps.setString(1, sessionId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure("cannot read session " + sessionId, e);
        }
    }

    /** A connection, once a permit is free; closing it returns the permit. */
    private Connection connect() throws SQLException {
        boolean ok;
        try {
            ok = permits.tryAcquire(QUEUE_SECONDS, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.sql.SQLTransientConnectionException("interrupted while waiting for a database connection");
        }
        if (!ok) {
            throw new java.sql.SQLTransientConnectionException("the database is overloaded: no connection free within "
                    + QUEUE_SECONDS + " s (" + permits.getQueueLength() + " requests waiting)");
        }
        try {
            Connection c = ds.getConnection();
            java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();
            return (Connection) java.lang.reflect.Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                    (proxy, method, args) -> {
                        try {
                            return method.invoke(c, args);
                        } catch (java.lang.reflect.InvocationTargetException e) {
                            throw e.getCause();
                        } finally {
                            if (method.getName().equals("close") && released.compareAndSet(false, true)) {
                                permits.release();
                            }
                        }
                    });
        } catch (SQLException | RuntimeException e) {
            permits.release();
            throw e;
        }
    }

    private static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            if (t instanceof java.sql.BatchUpdateException b && b.getNextException() != null
                    && "23505".equals(b.getNextException().getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isSerializationFailure(SQLException e) {
        String state = e.getSQLState();
        return "40001".equals(state) || "40P01".equals(state) || "HYT00".equals(state);
    }

    private static StoreUnavailableException failure(String what, SQLException e) {
        return new StoreUnavailableException(what + ": " + e.getMessage(), e);
    }
}
