package dev.mixtape.storage.jdbc;

import dev.mixtape.core.StoreUnavailableException;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javax.sql.DataSource;

/**
 * The connections, transactions, retries and write lock of one {@link JdbcListenerStore}, apart from its SQL. Each
 * call takes a connection once a permit is free (at most {@code maxConnections} at once, queued fairly), runs the
 * work on it, and turns an {@link SQLException} into a {@link StoreUnavailableException} that says what was being
 * done. Writes that are acknowledged are committed, and on H2 flushed to the file ({@link Database#flushCommitted}),
 * before the call returns. The static {@link #inTransaction(DataSource, Work)} is the same transaction without
 * permits, lock or retries, for {@link JdbcExperimentStore} and {@link JdbcSpotifyLinks}. Thread-safe.
 */
final class Transactions {
    /** How many times a write is tried again after a failure its caller retries. */
    static final int RETRIES = 5;

    /** How long a request may queue for a connection before it is told the store is overloaded. */
    static final long QUEUE_SECONDS = 30;

    /** Work on a connection. */
    @FunctionalInterface
    interface Work<T> {
        T in(Connection c) throws SQLException;
    }

    private final DataSource ds;
    private final Semaphore permits;
    private final SqlDialect dialect;
    /** Taken by {@link #serialised} when the dialect writes one batch at a time; null when it does not. */
    private final ReentrantLock writes;

    /** Connects once, to learn the database's dialect. */
    Transactions(DataSource ds, int maxConnections) {
        this.ds = ds;
        this.permits = new Semaphore(maxConnections, true);
        this.dialect = read("cannot reach the database", SqlDialect::of);
        this.writes = dialect.serialisesWrites() ? new ReentrantLock(true) : null;
    }

    SqlDialect dialect() {
        return dialect;
    }

    /** Work in auto-commit mode that writes nothing (or need not be flushed). */
    <T> T read(String what, Work<T> work) {
        return run(what, Mode.AUTO_COMMIT, work);
    }

    /** Work in auto-commit mode (each statement its own transaction), flushed before it returns. */
    <T> T write(String what, Work<T> work) {
        return run(what, Mode.FLUSHED, work);
    }

    /** Work in one transaction: committed and flushed when it returns, rolled back when it throws. */
    <T> T inTransaction(String what, Work<T> work) {
        return run(what, Mode.COMMITTED, work);
    }

    /**
     * Reads in one transaction, rolled back at the end: PostgreSQL streams a result with a cursor (a fetch size) only
     * inside a transaction.
     */
    <T> T readInTransaction(String what, Work<T> work) {
        return run(what, Mode.ROLLED_BACK, work);
    }

    /**
     * {@link #inTransaction}, one at a time when the dialect {@linkplain SqlDialect#serialisesWrites serialises
     * writes}, and tried again when a concurrent transaction inserted the same key first (a unique violation) or the
     * database gave up on the transaction (a serialization failure, a deadlock, a lock timeout).
     */
    <T> T serialised(String what, Work<T> work) {
        return retried(e -> isUniqueViolation(e) || isSerializationFailure(e), () -> {
            if (writes != null) {
                writes.lock();
            }
            try {
                return inTransaction(what, work);
            } finally {
                if (writes != null) {
                    writes.unlock();
                }
            }
        });
    }

    /**
     * Runs {@code attempt} again, up to {@value #RETRIES} more times, while it fails with a
     * {@link StoreUnavailableException} of this class whose {@link SQLException} {@code retryable} accepts.
     */
    static <T> T retried(Predicate<SQLException> retryable, Supplier<T> attempt) {
        for (int n = 0; ; n++) {
            try {
                return attempt.get();
            } catch (StoreUnavailableException e) {
                if (!(e.getCause() instanceof SQLException s && retryable.test(s)) || n >= RETRIES) {
                    throw e;
                }
            }
        }
    }

    /**
     * Runs {@code work} as one transaction on a connection of {@code ds} (no permit, no retry): committed and flushed
     * ({@link Database#flushCommitted}) when it returns, rolled back when it throws an {@link SQLException}.
     */
    static <T> T inTransaction(DataSource ds, Work<T> work) throws SQLException {
        try (Connection c = ds.getConnection()) {
            return committed(c, work);
        }
    }

    private static <T> T committed(Connection c, Work<T> work) throws SQLException {
        c.setAutoCommit(false);
        try {
            T result = work.in(c);
            c.commit();
            Database.flushCommitted(c);
            return result;
        } catch (SQLException e) {
            c.rollback();
            throw e;
        }
    }

    private enum Mode {
        AUTO_COMMIT {
            @Override
            <T> T run(Connection c, Work<T> work) throws SQLException {
                return work.in(c);
            }
        },
        FLUSHED {
            @Override
            <T> T run(Connection c, Work<T> work) throws SQLException {
                T result = work.in(c);
                Database.flushCommitted(c);
                return result;
            }
        },
        COMMITTED {
            @Override
            <T> T run(Connection c, Work<T> work) throws SQLException {
                return committed(c, work);
            }
        },
        ROLLED_BACK {
            @Override
            <T> T run(Connection c, Work<T> work) throws SQLException {
                c.setAutoCommit(false);
                try {
                    return work.in(c);
                } finally {
                    c.rollback();
                }
            }
        };

        abstract <T> T run(Connection c, Work<T> work) throws SQLException;
    }

    private <T> T run(String what, Mode mode, Work<T> work) {
        try (Connection c = connect()) {
            return mode.run(c, work);
        } catch (SQLException e) {
            throw new StoreUnavailableException(what + ": " + e.getMessage(), e);
        }
    }

    /** A connection, once a permit is free; closing it returns the permit. */
    private Connection connect() throws SQLException {
        boolean ok;
        try {
            ok = permits.tryAcquire(QUEUE_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLTransientConnectionException("interrupted while waiting for a database connection");
        }
        if (!ok) {
            throw new SQLTransientConnectionException("the database is overloaded: no connection free within "
                    + QUEUE_SECONDS + " s (" + permits.getQueueLength() + " requests waiting)");
        }
        try {
            Connection c = ds.getConnection();
            AtomicBoolean released = new AtomicBoolean();
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

    static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
            if (t instanceof BatchUpdateException b && b.getNextException() != null
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
}
