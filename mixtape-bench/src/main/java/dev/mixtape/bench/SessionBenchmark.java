package dev.mixtape.bench;

import dev.mixtape.app.server.ListenerService;
import dev.mixtape.app.server.SessionService;
import dev.mixtape.core.listener.Traits;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Session initialisation ({@code POST /api/v1/sessions} minus HTTP) on the full catalog, for a listener of
 * 500 events with a personality profile, on the embedded H2 file database. {@code uncached}: every call
 * first drops the listener's cached data and picks, so it reads the history and profile from the database,
 * computes 50 picks from 200–500 candidates and stores the session. {@code cached}: the answer is in the
 * first cache tier. {@code listening}: with the collaborative sources on ({@link ListeningBench}), the picks' history
 * term is the listening model's score for the listener. Run with {@code ./mixtape bench sessions}.
 */
@State(Scope.Benchmark)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 2, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 2, timeUnit = TimeUnit.SECONDS)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class SessionBenchmark {
    static final String USER = BenchListener.USER;

    @Param({"uncached", "cached"})
    public String mode;

    /**
     * Whether the collaborative sources are on: the Last.fm artist model imported and a listening model trained on the
     * Last.fm listeners and the bench listener, as a server with the Last.fm data serves after its first start.
     */
    @Param({"false", "true"})
    public boolean listening;

    private BenchListener fixture;
    private ListenerService service;
    private SessionService sessions;

    @Setup(Level.Trial)
    public void setUp() throws Exception {
        fixture = new BenchListener("mixtape-session-bench");
        service = fixture.service;
        sessions = fixture.services.sessions();
        service.putPersonality(USER, new Traits(0.8, 0.4, 0.6, 0.55, 0.3), "traits");
        if (listening) {
            ListeningBench.serve(fixture.catalog, fixture.engines, fixture.store, fixture.home.resolve("models"));
        }
        sessions.prepare();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws Exception {
        fixture.close();
    }

    @Benchmark
    public Object session() {
        if (mode.equals("uncached")) {
            service.invalidate(USER);
        }
        return sessions.session(USER, 50).json(); // the bytes served
    }
}
