package dev.mixtape.eval.metric;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.InteractionMatrix;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricCatalogTest {
    private final InteractionMatrix train = Matrices.of(3, new int[] {0}, new int[] {1});
    private final InteractionMatrix test = Matrices.of(3, new int[] {2}, new int[] {});

    @Test
    void makesEveryMetricByName() {
        MetricCatalog c = new MetricCatalog(train, test, null);
        assertThat(c.create("NDCG@20").name()).isEqualTo("ndcg@20");
        assertThat(c.standard(List.of(10, 20))).extracting(SystemMetric::name)
                .hasSize(2 * 11).contains("recall@10", "gini@20", "serendipity@20").doesNotContain("ild@10");
        assertThatThrownBy(() -> c.create("ild@10")).hasMessageContaining("needs item tags");
        assertThatThrownBy(() -> c.create("foo@10")).hasMessageContaining("unknown metric 'foo'");
        assertThatThrownBy(() -> c.create("ndcg")).hasMessageContaining("needs a cutoff");
        assertThatThrownBy(() -> c.create("ndcg@x")).hasMessageContaining("not an integer");
        assertThatThrownBy(() -> c.create("ndcg@0")).hasMessageContaining("positive");
    }

    @Test
    void metricSetRejectsRepeatedNames() {
        MetricCatalog c = new MetricCatalog(train, test, null);
        assertThatThrownBy(() -> new MetricSet(List.of(c.create("ndcg@5"), c.create("ndcg@5")))).hasMessageContaining("repeat");
    }
}
