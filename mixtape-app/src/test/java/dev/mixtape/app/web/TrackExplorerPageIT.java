package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.WebElement;

/** The track explorer in headless Chromium: search, a track page, similar tracks and the recommendations panel. */
class TrackExplorerPageIT extends BrowserPages {
    @Test
    void searchOpensATrackWithFeaturesSimilarTracksAndTunableRecommendations() {
        browser.open("#/tracks");
        browser.visible("#search-q").sendKeys("daft punk");
        browser.find("#search-go").click();
        WebElement first = browser.visible("#search-list li a");
        assertThat(browser.find("#search-list").getText()).containsIgnoringCase("daft punk");
        String name = first.getText();
        first.click();
        assertThat(browser.visible("#track-title").getText()).startsWith(name).containsIgnoringCase("daft punk");
        List<List<Object>> features = browser.await(d -> browser.chartData("chart-features"));
        assertThat(features.get(0)).hasSize(7).allSatisfy(v -> assertThat(((Number) v).doubleValue()).isBetween(0.0, 1.0));
        assertThat(browser.visible("#similar-list").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(10);
        assertThat(browser.find("#similar-list .t-why").getText()).startsWith("Sounds like");

        // Every tunable attribute of /v1/recommendations has a slider.
        for (String a : List.of("acousticness", "danceability", "energy", "instrumentalness", "liveness", "speechiness", "valence",
                "key", "mode", "popularity", "duration_ms", "time_signature", "loudness", "tempo")) {
            assertThat(browser.all("#rec-" + a)).as(a).hasSize(1);
        }
        String trackId = browser.driver.getCurrentUrl().replaceAll(".*#/tracks/", "");
        browser.js("const r = document.getElementById('rec-energy'); r.value = '0.8'; r.dispatchEvent(new Event('input'));");
        browser.js("const s = document.getElementById('mode-tempo'); s.value = 'max'; s.dispatchEvent(new Event('change'));");
        String url = browser.find("#rec-url").getText();
        assertThat(url).contains("/v1/recommendations?seed_tracks=" + trackId).contains("target_energy=0.8").contains("max_tempo=")
                .contains("limit=10");
        browser.find("#rec-go").click();
        assertThat(browser.visible("#rec-list").findElements(org.openqa.selenium.By.tagName("li"))).hasSize(10);
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.screenshot("track-explorer");
    }

    @Test
    void anEmptySearchAndAnUnknownTrackAreExplained() {
        browser.open("#/tracks");
        browser.visible("#search-go").click();
        assertThat(browser.visible("#search-q-error").getText()).contains("Type part of a track title");
        browser.open("#/tracks/0000000000000000000000");
        assertThat(browser.visible("#track-error").getText()).contains("0000000000000000000000");
    }
}
