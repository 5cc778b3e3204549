package dev.mixtape.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.app.learn.CoherenceEvaluation;
import dev.mixtape.app.learn.EvaluationResults;
import dev.mixtape.app.learn.ReplayEvaluation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * The Models page in headless Chromium: the serving model and what it was trained on, its versions with their
 * validation chart, a training started from the page with its progress, and the kept evaluations as charts.
 */
class ModelsPageIT extends BrowserPages {
    @Test
    void showsTheServingModelTrainsOnRequestAndChartsTheEvaluations() throws Exception {
        // what 'mixtape eval replay' and 'eval coherence' keep in the server's home (rows of their real shape; the
        // figures here are only for the page to draw, the evaluations themselves are tested in learn/)
        EvaluationResults.save(app.config().home(), "replay", Map.of("info", Map.of("users_option", 300, "seed", 42), "rows", List.of(
                new ReplayEvaluation.Row("sessions", "product", 300, 0, 0.3, 0.4, 0.3, 0.5, 0.52, 0.4, 0.9, 0.1, 2.0),
                new ReplayEvaluation.Row("offline iALS", "offline", 300, 0, 0.3, 0.4, 0.3, 0.5, 0.55, 0.4, 0.9, 0.1, 0.1))), Instant.now());
        EvaluationResults.save(app.config().home(), "coherence", Map.of("info", Map.of("seed", 7), "rows", List.of(
                new CoherenceEvaluation.Row("/v1/recommendations (seed artist)", 24, 0, 480, 0.0, 0.71, 400, 14.0, 0.3)),
                "details", List.of()), Instant.now());
        String serving = app.training().describe().get("serving").toString();
        int versions = ((List<?>) app.training().describe().get("versions")).size();

        browser.open("#/models");
        assertThat(browser.visible("#serving-version").getText()).isEqualTo(serving);
        assertThat(browser.find("#serving-data").getText()).contains("imported").contains("interactions");
        assertThat(browser.find("#serving-validation").getText()).startsWith("recall@50 0.");
        assertThat(browser.all("#versions-table tbody tr")).hasSize(versions);
        assertThat(browser.chartData("chart-versions")).hasSize(2);
        assertThat(browser.chartData("chart-replay")).singleElement().asList().hasSize(2);
        assertThat(browser.chartData("chart-coherence")).hasSize(2);
        assertThat(browser.find("#eval-replay").getText()).contains("300 Last.fm listeners");
        assertThat(browser.unlabelledControls()).isEmpty();
        assertThat(browser.lowContrastText()).isEmpty();
        browser.screenshot("models");

        browser.find("#models-train").click();
        browser.await(d -> d.findElement(By.id("train-state")).getText().contains("succeeded") ? true : null);
        String made = browser.find("#train-state").getText().replaceFirst("(?s).*made (listening-v\\d+).*", "$1");
        assertThat(made).startsWith("listening-v").isNotEqualTo(serving);
        // the page reloads after the job: the new version serves and is in the table
        browser.await(d -> d.findElement(By.id("serving-version")).getText().equals(made) ? true : null);
        assertThat(browser.find("#versions-table").getText()).contains(made);
        assertThat(browser.find("#jobs-table").getText()).contains("requested from the web UI");
    }
}
