package dev.mixtape.connectors.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

class RetryAfterTest {
    @Test
    void readsSecondsAndDates() {
        assertThat(RetryAfter.parse("30")).isEqualTo(Duration.ofSeconds(30));
        assertThat(RetryAfter.parse(" 0 ")).isEqualTo(Duration.ZERO);
        String inAMinute = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
        assertThat(RetryAfter.parse(inAMinute)).isBetween(Duration.ofSeconds(55), Duration.ofSeconds(61));
        assertThat(RetryAfter.parse("Wed, 21 Oct 2015 07:28:00 GMT")).isEqualTo(Duration.ZERO);
    }

    @Test
    void ignoresWhatItCannotRead() {
        assertThat(RetryAfter.parse(null)).isNull();
        assertThat(RetryAfter.parse("")).isNull();
        assertThat(RetryAfter.parse("-5")).isNull();
        assertThat(RetryAfter.parse("soon")).isNull();
    }
}
