package dev.mixtape.eval.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class IdIndexTest {
    @Test
    void assignsIndicesInFirstSeenOrder() {
        IdIndex.Builder b = new IdIndex.Builder();
        assertThat(b.add("x")).isZero();
        assertThat(b.add("y")).isEqualTo(1);
        assertThat(b.add("x")).isZero();
        IdIndex idx = b.build();
        assertThat(idx.ids()).containsExactly("x", "y");
        assertThat(idx.index("y")).isEqualTo(1);
        assertThat(idx.index("z")).isEqualTo(-1);
    }

    @Test
    void rejectsRepeatsAndBlanks() {
        assertThatThrownBy(() -> IdIndex.of(List.of("a", "b", "a"))).hasMessageContaining("'a' appears twice");
        assertThatThrownBy(() -> IdIndex.of(List.of("a", " "))).hasMessageContaining("position 1");
    }
}
