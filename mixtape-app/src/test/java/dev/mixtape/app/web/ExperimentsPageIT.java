package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/** The experiments page in headless Chromium: create an experiment, serve a listener through it, watch the numbers move. */
class ExperimentsPageIT extends BrowserPages {
    @Test
    void createWatchImpressionsAndRates() {
        String name = "ui-" + UUID.randomUUID().toString().substring(0, 8);
        browser.open("#/experiments");
        browser.visible("#exp-name").sendKeys(name);
        browser.find("#exp-create").click();
        assertThat(browser.visible("#exp-title").getText()).isEqualTo("Experiment " + name);
        List<WebElement> rows = browser.visible("#exp-table").findElements(By.cssSelector("tbody tr"));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).getText()).startsWith("control (control) content 0");
        assertThat(rows.get(1).getText()).startsWith("treatment hybrid 0");

        // One listener served through the experiment, who saves a track: one impression, one save, shown without a reload.
        WebElement user = browser.find("#try-user");
        user.clear();
        user.sendKeys("ui-exp-listener");
        browser.find("#try-go").click();
        String variant = browser.visible("#try-variant").getText().replaceAll("^Variant (\\S+) .*", "$1");
        browser.find("#try-save-1").click();
        browser.await(d -> browser.find("#try-save-1").getText().equals("Saved"));
        WebElement row = browser.await(d -> {
            WebElement r = browser.find("#exp-table tr[data-variant='" + variant + "']");
            return r.findElement(By.cssSelector(".impressions")).getText().equals("1") && r.getText().contains("100.0%") ? r : null;
        });
        assertThat(row.getText()).contains("100.0% (");
        assertThat(browser.find("#exp-table").getText()).contains("control");
        List<List<Object>> rates = browser.chartData("chart-rates");
        assertThat(rates).hasSize(4);
        assertThat(rates.get(0)).hasSize(2);
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.screenshot("experiments");
    }

    @Test
    void showsWhatAutoHasLearned() throws Exception {
        // one answer of auto for a track request at 14:00, one of its tracks liked (AutoBanditIT keeps to the evening)
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        String user = "ui-auto-" + UUID.randomUUID().toString().substring(0, 8);
        dev.mixtape.app.TestHttp.call(app, "POST", "/api/v1/users", "{\"id\":\"" + user + "\"}");
        var answer = json.readTree(dev.mixtape.app.TestHttp.call(app, "POST", "/api/v2/recommendations", "{\"track_id\":\""
                + app.engines().get().catalog().trackId(321) + "\",\"strategy\":\"auto\",\"n\":5,"
                + "\"user_context\":{\"time\":\"2026-06-03T14:00:00+00:00\"}}").body());
        String chosen = answer.get("strategy").get("chosen").asText();
        var r = dev.mixtape.app.TestHttp.call(app, "POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"" + user + "\",\"track_id\":\""
                + answer.get("recommendations").get(0).get("track").get("id").asText() + "\",\"type\":\"like\",\"timestamp\":"
                + System.currentTimeMillis() + ",\"recommendation_id\":\"" + answer.get("recommendation_id").asText() + "\"}]}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        app.strategies().autoBandit().refresh();

        browser.open("#/experiments");
        WebElement table = browser.visible("#auto-arms table[data-kind='track/day']");
        assertThat(browser.find("#auto-arms").getText()).contains("What auto has learned").contains("track/day — leading:");
        assertThat(table.findElement(By.cssSelector("tr[data-strategy='" + chosen + "']")).getText()).startsWith(chosen + " ");
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
    }

    @Test
    void sharesThatDoNotAddUpAreExplained() {
        browser.open("#/experiments");
        browser.visible("#exp-name").sendKeys("ui-bad-" + UUID.randomUUID().toString().substring(0, 8));
        WebElement weight = browser.find("#exp-weight-2");
        weight.clear();
        weight.sendKeys("0.2");
        browser.find("#exp-create").click();
        assertThat(browser.visible("#exp-create-error").getText()).contains("must sum to 1, got 0.7");
    }
}
