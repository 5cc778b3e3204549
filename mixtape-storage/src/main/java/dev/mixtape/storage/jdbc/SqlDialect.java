package dev.mixtape.storage.jdbc;

import dev.mixtape.core.listener.HistoryEntry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;

/**
 * What differs between the two databases {@link JdbcListenerStore} runs on: how a batch of events adds its counts to
 * the listener and history rows (PostgreSQL {@code INSERT ... ON CONFLICT DO UPDATE}; H2 a batch of relative
 * {@code UPDATE}s, then a batch of {@code INSERT}s for the rows that were not there), and whether a store's batches
 * are written one at a time ({@link Transactions} takes a fair lock for them on H2).
 */
enum SqlDialect {
    H2 {
        @Override
        boolean serialisesWrites() {
            // H2 writes through one store lock anyway: batches taken one at a time commit faster than batches that
            // contend for it (measured: one writer ~30k events/s, two writers 12-15k)
            return true;
        }

        @Override
        void addToListeners(Connection c, Map<String, long[]> users, long now) throws SQLException {
            // relative updates (row-locked, so concurrent batches add up), then inserts for the rows that were not there;
            // a concurrent insert of the same row fails the transaction with a unique violation, and append retries it
            List<Map.Entry<String, long[]>> list = new ArrayList<>(users.entrySet());
            int[] updated = batch(c, "UPDATE listeners SET event_count = event_count + ?, "
                    + "first_event_at = LEAST(COALESCE(first_event_at, ?), ?) WHERE id = ?", list.size(), i -> true, (ps, i) -> {
                        ps.setLong(1, list.get(i).getValue()[0]);
                        ps.setLong(2, list.get(i).getValue()[1]);
                        ps.setLong(3, list.get(i).getValue()[1]);
                        ps.setString(4, list.get(i).getKey());
                    });
            batch(c, "INSERT INTO listeners (id, created_at, first_event_at, event_count) VALUES (?, ?, ?, ?)", list.size(),
                    i -> updated[i] == 0, (ps, i) -> bindListener(ps, list.get(i), now));
        }

        @Override
        void addToHistory(Connection c, List<String> users, List<HistoryEntry> entries) throws SQLException {
            int[] updated = batch(c, "UPDATE listening_history SET play_score = play_score + ?, plays = plays + ?, "
                    + "skips = skips + ?, likes = likes + ?, saves = saves + ?, dislikes = dislikes + ?, "
                    + "last_event_at = GREATEST(last_event_at, ?) WHERE user_id = ? AND track_id = ?", entries.size(), i -> true, (ps, i) -> {
                        bindCounts(ps, 1, entries.get(i));
                        ps.setString(8, users.get(i));
                        ps.setString(9, entries.get(i).trackId());
                    });
            batch(c, "INSERT INTO listening_history (" + HISTORY_COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", entries.size(),
                    i -> updated[i] == 0, (ps, i) -> bindHistory(ps, users.get(i), entries.get(i)));
        }
    },

    POSTGRESQL {
        @Override
        boolean serialisesWrites() {
            return false; // PostgreSQL runs them side by side
        }

        @Override
        void addToListeners(Connection c, Map<String, long[]> users, long now) throws SQLException {
            List<Map.Entry<String, long[]>> list = new ArrayList<>(users.entrySet());
            batch(c, "INSERT INTO listeners AS t (id, created_at, first_event_at, event_count) "
                    + "VALUES (?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET event_count = t.event_count + EXCLUDED.event_count, "
                    + "first_event_at = LEAST(COALESCE(t.first_event_at, EXCLUDED.first_event_at), EXCLUDED.first_event_at)",
                    list.size(), i -> true, (ps, i) -> bindListener(ps, list.get(i), now));
        }

        @Override
        void addToHistory(Connection c, List<String> users, List<HistoryEntry> entries) throws SQLException {
            batch(c, "INSERT INTO listening_history AS t (" + HISTORY_COLUMNS + ") VALUES "
                    + "(?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (user_id, track_id) DO UPDATE SET play_score = t.play_score + "
                    + "EXCLUDED.play_score, plays = t.plays + EXCLUDED.plays, skips = t.skips + EXCLUDED.skips, "
                    + "likes = t.likes + EXCLUDED.likes, saves = t.saves + EXCLUDED.saves, dislikes = t.dislikes + EXCLUDED.dislikes, "
                    + "last_event_at = GREATEST(t.last_event_at, EXCLUDED.last_event_at)",
                    entries.size(), i -> true, (ps, i) -> bindHistory(ps, users.get(i), entries.get(i)));
        }
    };

    private static final String HISTORY_COLUMNS = "user_id, track_id, play_score, plays, skips, likes, saves, dislikes, last_event_at";

    /** The dialect of the database {@code c} is connected to: PostgreSQL, or else H2. */
    static SqlDialect of(Connection c) throws SQLException {
        return c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres") ? POSTGRESQL : H2;
    }

    /** Whether one store's batch writes go one at a time (through a fair lock) rather than side by side. */
    abstract boolean serialisesWrites();

    /**
     * Adds each listener's {@code {events, first event at}} to its row (the sum of the counts, the earlier first event),
     * creating the row, created at {@code now}, when there is none. {@code users} is sorted, so that concurrent
     * batches lock rows in one order.
     */
    abstract void addToListeners(Connection c, Map<String, long[]> users, long now) throws SQLException;

    /**
     * Adds {@code entries.get(i)} to the history row of {@code users.get(i)} and its track (the sums of the counts, the
     * later last event), creating the row when there is none. The rows come in a stable order.
     */
    abstract void addToHistory(Connection c, List<String> users, List<HistoryEntry> entries) throws SQLException;

    @FunctionalInterface
    private interface Row {
        void bind(PreparedStatement ps, int i) throws SQLException;
    }

    /** Runs {@code sql} as one JDBC batch over the rows {@code 0..rows-1} that {@code which} accepts (none: not at all). */
    private static int[] batch(Connection c, String sql, int rows, IntPredicate which, Row row) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            boolean any = false;
            for (int i = 0; i < rows; i++) {
                if (which.test(i)) {
                    row.bind(ps, i);
                    ps.addBatch();
                    any = true;
                }
            }
            return any ? ps.executeBatch() : new int[0];
        }
    }

    private static void bindListener(PreparedStatement ps, Map.Entry<String, long[]> u, long now) throws SQLException {
        ps.setString(1, u.getKey());
        ps.setLong(2, now);
        ps.setLong(3, u.getValue()[1]);
        ps.setLong(4, u.getValue()[0]);
    }

    private static void bindHistory(PreparedStatement ps, String user, HistoryEntry h) throws SQLException {
        ps.setString(1, user);
        ps.setString(2, h.trackId());
        bindCounts(ps, 3, h);
    }

    /** Binds the entry's play score, plays, skips, likes, saves, dislikes and last event at parameters {@code from..from+6}. */
    private static void bindCounts(PreparedStatement ps, int from, HistoryEntry h) throws SQLException {
        ps.setDouble(from, h.playScore());
        ps.setDouble(from + 1, h.plays());
        ps.setInt(from + 2, h.skips());
        ps.setInt(from + 3, h.likes());
        ps.setInt(from + 4, h.saves());
        ps.setInt(from + 5, h.dislikes());
        ps.setLong(from + 6, h.lastEventAt().toEpochMilli());
    }
}
