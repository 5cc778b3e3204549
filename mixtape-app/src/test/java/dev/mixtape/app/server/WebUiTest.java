package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WebUiTest {
    @Test
    void apiPathsSkipTheFileLookupAndUiPathsDoNot() {
        assertThat(WebUi.isApi("/v1/recommendations")).isTrue();
        assertThat(WebUi.isApi("/api/v1/sessions")).isTrue();
        assertThat(WebUi.isApi("/health/ready")).isTrue();
        assertThat(WebUi.isApi("/metrics")).isTrue();
        assertThat(WebUi.isApi("/")).isFalse();
        assertThat(WebUi.isApi("/index.html")).isFalse();
        assertThat(WebUi.isApi("/js/pages/playlist.js")).isFalse();
        assertThat(WebUi.isApi("/webjars/chart.js/4.5.1/dist/chart.umd.min.js")).isFalse();
        assertThat(WebUi.isApi("/metrics.css")).isFalse();
        assertThat(WebUi.isApi("/v1")).isFalse(); // no route there: looked up, then the 404
    }
}
