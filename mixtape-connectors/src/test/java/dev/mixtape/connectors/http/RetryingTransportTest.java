package dev.mixtape.connectors.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class RetryingTransportTest {
    /** Plays a script of answers (or failures), then repeats the last one; counts the calls. */
    static final class Scripted implements Transport {
        final Deque<Supplier<RemoteResponse>> script = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();
        Supplier<RemoteResponse> last;

        @SafeVarargs
        Scripted(Supplier<RemoteResponse>... answers) {
            script.addAll(List.of(answers));
        }

        @Override
        public synchronized RemoteResponse send(RemoteRequest r) {
            calls.incrementAndGet();
            Supplier<RemoteResponse> next = script.poll();
            last = next != null ? next : last;
            return last.get();
        }
    }

    static Supplier<RemoteResponse> answer(int status, String body) {
        return () -> Fakes.status(status, body);
    }

    static Supplier<RemoteResponse> timeout() {
        return () -> {
            throw new Resilience.TransportException("GET /x on h:80: timed out", new HttpTimeoutException("request timed out"));
        };
    }

    static RetryingTransport retrying(Transport inner, int attempts) {
        return new RetryingTransport(inner, new Resilience(attempts, Duration.ofMillis(2), Duration.ofMillis(50)));
    }

    static RemoteResponse send(Transport t) {
        return t.send(Fakes.request("h", "GET /v1/tracks"));
    }

    @Test
    void serverErrorsAreRetriedUntilOneSucceeds() {
        Scripted inner = new Scripted(answer(503, "busy"), answer(502, "bad gateway"), answer(200, "{}"));
        assertThat(send(retrying(inner, 3)).status()).isEqualTo(200);
        assertThat(inner.calls).hasValue(3);
    }

    @Test
    void serverErrorsAreReportedAfterTheLastAttempt() {
        Scripted inner = new Scripted(answer(503, "busy"));
        Resilience.HttpStatusException e = catchThrowableOfType(Resilience.HttpStatusException.class, () -> send(retrying(inner, 3)));
        assertThat(inner.calls).hasValue(3);
        assertThat(e.status()).isEqualTo(503);
        assertThat(e.transientFailure()).isTrue();
        assertThat(e).hasMessage("GET /v1/tracks answered 503: busy");
    }

    @Test
    void a429IsRetriedAndItsRetryAfterCappedAtTheLongestHonoured() {
        Scripted inner = new Scripted(() -> Fakes.tooMany(Duration.ofSeconds(30)), answer(200, "{}"));
        // Retry-After 30 s, capped at 50 ms: a test that waited 30 s would time out
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
            assertThat(send(retrying(inner, 3)).status()).isEqualTo(200);
        });
        assertThat(inner.calls).hasValue(2);
    }

    @Test
    void a429RetriedToTheEndKeepsSpotifysMessageAndTheRetryAfter() {
        Scripted inner = new Scripted(() -> Fakes.tooMany(Duration.ofSeconds(1)));
        Resilience resilience = new Resilience(2, Duration.ofMillis(2), Duration.ofMillis(10));
        Resilience.HttpStatusException e = catchThrowableOfType(Resilience.HttpStatusException.class,
                () -> send(new RetryingTransport(inner, resilience)));
        assertThat(inner.calls).hasValue(2);
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e).hasMessageEndingWith(": API rate limit exceeded");
    }

    @Test
    void otherClientErrorsAreNeverRetried() {
        for (int status : new int[] {400, 401, 403, 404, 422}) {
            Scripted inner = new Scripted(answer(status, "{\"error\":{\"status\":" + status + ",\"message\":\"no\"}}"));
            Resilience.HttpStatusException e = catchThrowableOfType(Resilience.HttpStatusException.class, () -> send(retrying(inner, 3)));
            assertThat(inner.calls).as("calls after a %d", status).hasValue(1);
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.transientFailure()).isFalse();
        }
    }

    @Test
    void timeoutsAreRetried() {
        Scripted inner = new Scripted(timeout(), timeout(), answer(200, "{}"));
        assertThat(send(retrying(inner, 3)).status()).isEqualTo(200);
        assertThat(inner.calls).hasValue(3);

        Scripted never = new Scripted(timeout());
        Resilience.TransportException e = catchThrowableOfType(Resilience.TransportException.class, () -> send(retrying(never, 3)));
        assertThat(e.timeout()).isTrue();
        assertThat(never.calls).hasValue(3);
    }

    @Test
    void otherFailuresAreNotRetried() {
        Scripted inner = new Scripted(() -> {
            throw new MalformedAnswerException("not JSON", null);
        });
        assertThatThrownBy(() -> send(retrying(inner, 3))).isInstanceOf(MalformedAnswerException.class);
        assertThat(inner.calls).hasValue(1);
    }

    @Test
    @Timeout(10)
    void theBreakerOpensOnTransientFailuresOfOneHostAndFailsFast() {
        Scripted inner = new Scripted(answer(503, "down"));
        Resilience resilience = new Resilience(1, Duration.ofMillis(1), Duration.ofMillis(1));
        RetryingTransport t = new RetryingTransport(inner, resilience);
        for (int i = 0; i < 10; i++) {
            assertThatThrownBy(() -> send(t)).isInstanceOf(Resilience.HttpStatusException.class);
        }
        assertThat(resilience.state("h:80")).isEqualTo(CircuitBreaker.State.OPEN);
        assertThatThrownBy(() -> send(t)).isInstanceOf(CallNotPermittedException.class);
        assertThat(inner.calls).as("the open breaker sent nothing").hasValue(10);
        assertThat(resilience.state("other:80")).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void clientErrorsDoNotOpenTheBreaker() {
        assertBreakerStaysClosed(answer(404, "{\"error\":{\"status\":404,\"message\":\"Non existing id\"}}"));
    }

    @Test
    void throttlingDoesNotOpenTheBreaker() {
        // a host answering 429 is up and rate-limiting: the retry waits it out, the breaker stays closed
        assertBreakerStaysClosed(answer(429, "{\"error\":{\"status\":429,\"message\":\"API rate limit exceeded\"}}"));
    }

    /** Twenty calls that each fail with {@code answer} (one attempt each) leave the host's breaker closed. */
    private static void assertBreakerStaysClosed(Supplier<RemoteResponse> answer) {
        Scripted inner = new Scripted(answer);
        Resilience resilience = new Resilience(1, Duration.ofMillis(1), Duration.ofMillis(1));
        RetryingTransport t = new RetryingTransport(inner, resilience);
        for (int i = 0; i < 20; i++) {
            assertThatThrownBy(() -> send(t)).isInstanceOf(Resilience.HttpStatusException.class);
        }
        assertThat(resilience.state("h:80")).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(inner.calls).hasValue(20);
    }

    @Test
    void theServicesMessageIsTakenFromItsErrorBody() {
        // Spotify's error object
        assertThat(RetryingTransport.message("{\"error\":{\"status\":400,\"message\":\"invalid id\"}}")).isEqualTo("invalid id");
        // ReccoBeats (and most others): a message field, or an error string
        assertThat(RetryingTransport.message("{\"timestamp\":\"2026-01-01T00:00:00Z\",\"status\":400,\"message\":\"negativeSeeds must be fewer than half of seeds\"}"))
                .isEqualTo("negativeSeeds must be fewer than half of seeds");
        assertThat(RetryingTransport.message("{\"error\":\"Bad Request\"}")).isEqualTo("Bad Request");
        // Spotify's accounts service
        assertThat(RetryingTransport.message("{\"error\":\"invalid_client\",\"error_description\":\"Invalid client secret\"}"))
                .isEqualTo("Invalid client secret");
        assertThat(RetryingTransport.message("{\"detail\":\"size must be at most 100\"}")).isEqualTo("size must be at most 100");
        assertThat(RetryingTransport.message("<html>Bad Gateway</html>")).isEqualTo("<html>Bad Gateway</html>");
        assertThat(RetryingTransport.message("x".repeat(500))).hasSize(201).endsWith("…");
        assertThat(RetryingTransport.message("")).isEqualTo("(no body)");
        assertThat(RetryingTransport.message(null)).isEqualTo("(no body)");
    }

    @Test
    void theExceptionNamesTheEndpointAndTheMessage() {
        Scripted inner = new Scripted(answer(400, "{\"error\":{\"status\":400,\"message\":\"invalid id\"}}"));
        assertThatThrownBy(() -> send(retrying(inner, 3))).hasMessage("GET /v1/tracks answered 400: invalid id");
    }
}
