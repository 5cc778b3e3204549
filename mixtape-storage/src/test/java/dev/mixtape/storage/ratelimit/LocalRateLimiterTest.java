package dev.mixtape.storage.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LocalRateLimiterTest {
    @Test
    void allowsTheBudgetThenSaysHowLongToWait() {
        LocalRateLimiter limiter = new LocalRateLimiter(new RateLimiter.Limit(100, Duration.ofMinutes(1)));
        for (int i = 0; i < 100; i++) {
            RateLimiter.Decision d = limiter.tryAcquire("alice");
            assertThat(d.allowed()).as("request %d", i + 1).isTrue();
            assertThat(d.remaining()).isEqualTo(99 - i);
        }
        RateLimiter.Decision denied = limiter.tryAcquire("alice");
        assertThat(denied.allowed()).isFalse();
        // one token refills every 0.6 s
        assertThat(denied.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofMillis(600));
        assertThat(denied.retryAfterSeconds()).isEqualTo(1);
        // another key has its own budget
        assertThat(limiter.tryAcquire("bob").allowed()).isTrue();
    }
}
