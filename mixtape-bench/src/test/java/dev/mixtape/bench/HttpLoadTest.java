package dev.mixtape.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class HttpLoadTest {
    @Test
    void onlyLoopbackTargetsAreAccepted() throws Exception {
        assertThat(HttpLoad.target("http://127.0.0.1:8080").address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(HttpLoad.target("http://127.0.0.2:9000/").address().getPort()).isEqualTo(9000);
        assertThat(HttpLoad.target("http://localhost:8080").address().getAddress().isLoopbackAddress()).isTrue();
        assertThat(HttpLoad.target("http://[::1]:8080").hostHeader()).isEqualTo("[::1]:8080");
        assertThat(HttpLoad.target("http://127.0.0.1:8080/api/").pathPrefix()).isEqualTo("/api");
        for (String url : new String[] {"http://10.0.0.1:8080", "http://192.168.1.20", "http://8.8.8.8:80", "http://[2001:db8::1]:80"}) {
            assertThatThrownBy(() -> HttpLoad.target(url))
                    .isInstanceOf(HttpLoad.SetupException.class)
                    .hasMessageContaining("only targets loopback addresses");
        }
        assertThatThrownBy(() -> HttpLoad.target("https://127.0.0.1:8443")).hasMessageContaining("only http://");
        assertThatThrownBy(() -> HttpLoad.target("127.0.0.1:8080")).isInstanceOf(HttpLoad.SetupException.class);
    }

    @Test
    void durationsParse() {
        assertThat(BenchMain.parseDuration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(BenchMain.parseDuration("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(BenchMain.parseDuration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(BenchMain.parseDuration("1.5")).isEqualTo(Duration.ofMillis(1500));
        assertThatThrownBy(() -> BenchMain.parseDuration("soon")).hasMessageContaining("not a duration");
    }
}
