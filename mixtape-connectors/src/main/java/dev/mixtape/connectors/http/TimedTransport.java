package dev.mixtape.connectors.http;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times every call per host and endpoint ({@code mixtape.remote.requests}, tagged with host, endpoint and outcome:
 * the status, or {@code error}) and logs a warning for calls slower than {@code slowThreshold} (default 20 s),
 * naming the endpoint, the status and the time taken. Ids and credentials are never logged: the endpoint name
 * carries neither.
 */
public final class TimedTransport implements Transport {
    public static final Duration DEFAULT_SLOW = Duration.ofSeconds(20);
    private static final Logger LOG = LoggerFactory.getLogger(TimedTransport.class);

    private final Transport inner;
    private final MeterRegistry meters;
    private final long slowNanos;

    public TimedTransport(Transport inner, MeterRegistry meters, Duration slowThreshold) {
        this.inner = inner;
        this.meters = meters;
        this.slowNanos = slowThreshold.toNanos();
    }

    @Override
    public RemoteResponse send(RemoteRequest request) {
        long start = System.nanoTime();
        String outcome = "error";
        try {
            RemoteResponse r = inner.send(request);
            outcome = Integer.toString(r.status());
            return r;
        } finally {
            long took = System.nanoTime() - start;
            Timer.builder("mixtape.remote.requests").description("Calls to remote APIs (Spotify, ReccoBeats)")
                    .tag("host", request.host()).tag("endpoint", request.endpoint()).tag("outcome", outcome)
                    .publishPercentileHistogram().register(meters).record(Duration.ofNanos(took));
            if (took > slowNanos) {
                LOG.warn("slow remote call: {} on {} took {} ms (outcome {}, threshold {} ms)", request.endpoint(), request.host(),
                        took / 1_000_000, outcome, slowNanos / 1_000_000);
            }
        }
    }
}
