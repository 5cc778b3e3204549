package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.app.TestHttp;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The system page in headless Chromium: health, catalog size, model version, latency percentiles, cache hit rates. */
class SystemPageIT extends BrowserPages {
    @Test
    void showsHealthCatalogLatencyAndCaches() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(TestHttp.call(app, "GET", "/v1/recommendations?seed_genres=jazz&limit=5", null).statusCode()).isEqualTo(200);
        }
        browser.open("#/system");
        assertThat(browser.visible("#health-status").getText()).startsWith("READY");
        int tracks = app.engines().get().catalog().size();
        assertThat(browser.find("#catalog-size").getText()).isEqualTo(String.format(java.util.Locale.ROOT, "%,d tracks", tracks));
        assertThat(browser.find("#model-catalog").getText()).isNotEqualTo("unknown").isNotBlank();
        WebElement row = browser.visible("#latency-table").findElements(By.cssSelector("tbody tr")).stream()
                .filter(r -> r.getText().startsWith("GET /v1/recommendations ")).findFirst().orElseThrow();
        List<WebElement> cells = row.findElements(By.tagName("td"));
        assertThat(Integer.parseInt(cells.get(1).getText())).isGreaterThanOrEqualTo(3);
        assertThat(cells.get(2).getText()).endsWith(" ms");
        assertThat(browser.find("#cache-table").getText()).contains("recommendations").contains("%");
        assertThat(browser.chartData("chart-latency")).hasSize(3);
        assertThat(browser.chartData("chart-cache").get(0)).isNotEmpty();
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.screenshot("system");
    }

    @Test
    void theContrastCheckFindsGreyOnWhite() {
        browser.open("#/system");
        browser.visible("#health-status");
        browser.js("const p = document.createElement('p'); p.id = 'probe'; p.textContent = 'light grey';"
                + "p.style.color = '#aaaaaa'; p.style.background = '#ffffff'; document.querySelector('main').append(p);");
        assertThat(browser.lowContrastText()).singleElement().asString().startsWith("p#probe \"light grey\" 2.32:1 < 4.5:1");
    }
}
