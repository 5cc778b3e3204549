package dev.mixtape.app.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.TestData;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The replay evaluation on 80 listeners: the ordering it must keep (docs/EVALUATION.md has the 300-listener table). */
class ReplayEvaluationIT {
    @Test
    void sessionsAndAutoStayNearOfflineIalsAndEverySurfaceBeatsMostPopular() throws Exception {
        Path data = TestData.dataDir();
        ReplayEvaluation.Report r;
        try (MixtapeApp app = TestData.startForEvaluation("mixtape-replay-it")) {
            r = new ReplayEvaluation(new ReplayEvaluation.Options(80, 7, 0.2)).run(app, data.resolve("lastfm-hetrec2011-2k"), (p, f) -> {});
        }
        Map<String, ReplayEvaluation.Row> rows = r.rows().stream().collect(Collectors.toMap(ReplayEvaluation.Row::surface, x -> x));
        double pop = rows.get("offline most-popular").recall50();
        double ials = rows.get("offline iALS (64 f., α 10, λ 50)").recall50();
        assertThat(rows.get("sessions").failed()).isZero();
        // the target is 0.9× offline iALS on 300 listeners; 80 are noisier, so the pin leaves some room
        // (measured on this split: sessions 0.94×, collaborative 1.00×, auto 0.99×)
        assertThat(rows.get("sessions").recall50()).isGreaterThan(1.4 * pop).isGreaterThan(0.85 * ials);
        assertThat(rows.get("v2 collaborative").recall50()).isGreaterThan(1.4 * pop).isGreaterThan(0.85 * ials);
        assertThat(rows.get("v2 auto").recall50()).isGreaterThan(1.4 * pop).isGreaterThan(0.85 * ials);
        // every product surface beats most-popular (lowest measured: /v1/recommendations 1.6×, exploration 1.7×)
        assertThat(r.rows().stream().filter(x -> x.kind().equals("product")))
                .allSatisfy(x -> assertThat(x.recall50()).as(x.surface()).isGreaterThan(1.2 * pop));
        // auto's bandit: half the listeners gave feedback, the other half is scored before and after it
        ReplayEvaluation.Row before = rows.get("v2 auto (08:00), half the listeners, before feedback");
        ReplayEvaluation.Row after = rows.get("v2 auto (08:00), half the listeners, after " + ReplayEvaluation.BANDIT_ROUNDS + " feedback rounds");
        assertThat(before.listeners()).isEqualTo(40);
        assertThat(after.listeners()).isEqualTo(40);
        @SuppressWarnings("unchecked")
        Map<String, Object> learned = (Map<String, Object>) r.info().get("auto_learning");
        assertThat(((Number) learned.get("likes")).longValue()).isPositive();
        assertThat(learned.get("bandit").toString()).contains("kind=listener/morning");
        // the session blend fitted on 40 validation listeners (disjoint from the test ones): never worse on them than the
        // seed's blend it starts from, and both blends scored on the test listeners
        @SuppressWarnings("unchecked")
        Map<String, Object> fit = (Map<String, Object>) r.info().get("session_fit");
        assertThat(fit.get("validation_listeners")).isEqualTo(40);
        assertThat(((Number) fit.get("fitted_score")).doubleValue()).isGreaterThanOrEqualTo(((Number) fit.get("start_score")).doubleValue());
        assertThat((java.util.List<?>) fit.get("trials")).hasSizeGreaterThan(5);
        assertThat(r.rows()).filteredOn(x -> x.surface().startsWith("sessions, blend fitted on validation")).singleElement()
                .satisfies(x -> assertThat(x.listeners()).isEqualTo(80));
        assertThat(r.rows()).filteredOn(x -> x.surface().startsWith("sessions, S-B seed blend")).hasSize(1);
        // hybrid's weights fitted the same way, from the served ones
        @SuppressWarnings("unchecked")
        Map<String, Object> hybridFit = (Map<String, Object>) r.info().get("hybrid_fit");
        assertThat(((Number) hybridFit.get("fitted_score")).doubleValue()).isGreaterThanOrEqualTo(((Number) hybridFit.get("start_score")).doubleValue());
        assertThat(r.rows()).filteredOn(x -> x.surface().startsWith("v2 hybrid, weights fitted on validation")).singleElement()
                .satisfies(x -> assertThat(x.failed()).isZero());
        assertThat(ReplayReport.markdown(r)).contains("| sessions | 80 | 0 |").contains("Fitted session blend");
        assertThat(ReplayReport.html(r)).contains("<table>").contains("<td>sessions</td>").contains("mark ials").doesNotContain("NaN");
    }
}
