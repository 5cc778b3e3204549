package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class TimedTransportTest {
    final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    final Logger log = (Logger) LoggerFactory.getLogger(TimedTransport.class);
    final ListAppender<ILoggingEvent> logged = new ListAppender<>();

    @BeforeEach
    void capture() {
        logged.start();
        log.addAppender(logged);
    }

    @AfterEach
    void release() {
        log.detachAppender(logged);
    }

    Timer timer(String endpoint, String outcome) {
        return meters.find("mixtape.remote.requests").tags("host", "api:80", "endpoint", endpoint, "outcome", outcome).timer();
    }

    @Test
    void everyCallIsTimedPerEndpointAndOutcome() {
        TimedTransport timed = new TimedTransport(r -> Fakes.status(r.endpoint().contains("artists") ? 404 : 200, "{}"), meters,
                Duration.ofHours(1));
        timed.send(Fakes.request("api", "GET /v1/tracks"));
        timed.send(Fakes.request("api", "GET /v1/tracks"));
        timed.send(Fakes.request("api", "GET /v1/artists"));
        assertThat(timer("GET /v1/tracks", "200").count()).isEqualTo(2);
        assertThat(timer("GET /v1/artists", "404").count()).isEqualTo(1);
        assertThat(timer("GET /v1/tracks", "200").totalTime(java.util.concurrent.TimeUnit.NANOSECONDS)).isPositive();
        assertThat(logged.list).as("nothing slow").isEmpty();
    }

    @Test
    void aFailedCallIsTimedAsAnErrorAndRethrown() {
        TimedTransport timed = new TimedTransport(r -> {
            throw new Resilience.TransportException("down", new java.io.IOException("refused"));
        }, meters, Duration.ofHours(1));
        assertThatThrownBy(() -> timed.send(Fakes.request("api", "GET /v1/tracks"))).isInstanceOf(Resilience.TransportException.class);
        assertThat(timer("GET /v1/tracks", "error").count()).isEqualTo(1);
    }

    @Test
    void aCallAboveTheThresholdIsLoggedWithoutCredentials() {
        TimedTransport timed = new TimedTransport(r -> Fakes.status(200, "{}"), meters, Duration.ZERO.minusNanos(1));
        timed.send(Fakes.request("api", "GET /v1/tracks"));
        assertThat(logged.list).singleElement().satisfies(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("slow remote call", "GET /v1/tracks", "api:80", "outcome 200")
                    .doesNotContain("secret-token");
        });
        assertThat(timer("GET /v1/tracks", "200").count()).isEqualTo(1);
    }
}
