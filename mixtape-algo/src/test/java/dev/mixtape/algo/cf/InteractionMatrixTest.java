package dev.mixtape.algo.cf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.Test;

class InteractionMatrixTest {

    @Test
    void byItemViewMatchesByUserView() {
        long seed = RandomData.seed("InteractionMatrixTest.views");
        Random rnd = new Random(seed);
        for (int round = 0; round < 50; round++) {
            InteractionMatrix m = RandomData.matrix(rnd, 1 + rnd.nextInt(20), 1 + rnd.nextInt(30), rnd.nextDouble() * 0.5);
            double[][] byUser = Dense.of(m, false);
            double[][] byItem = new double[m.users()][m.items()];
            for (int i = 0; i < m.items(); i++) {
                for (int k = m.itemPtr()[i]; k < m.itemPtr()[i + 1]; k++) {
                    if (k > m.itemPtr()[i]) {
                        assertThat(m.itemUsers()[k]).isGreaterThan(m.itemUsers()[k - 1]);
                    }
                    byItem[m.itemUsers()[k]][i] = m.itemValues()[k];
                }
            }
            assertThat(byItem).as("seed=" + seed).isDeepEqualTo(byUser);
            InteractionMatrix copy = InteractionMatrix.ofCsr(m.users(), m.items(), m.userPtr(), m.userItems(), m.userValues());
            assertThat(Dense.of(copy, false)).isDeepEqualTo(byUser);
            assertThat(Dense.of(m.binarised(), false)).isDeepEqualTo(Dense.of(m, true));
        }
    }

    @Test
    void duplicatesAreSummed() {
        InteractionMatrix m = InteractionMatrix.of(1, 2, new int[] {0, 0, 0}, new int[] {1, 0, 1}, new float[] {2, 5, 3});
        assertThat(m.nnz()).isEqualTo(2);
        assertThat(m.userValues()).containsExactly(5f, 5f);
    }

    @Test
    void ofCsrNamesTheInconsistency() {
        assertThatThrownBy(() -> InteractionMatrix.ofCsr(2, 3, new int[] {0, 1}, new int[] {0}, new float[] {1}))
                .hasMessageContaining("userPtr has length 2");
        assertThatThrownBy(() -> InteractionMatrix.ofCsr(1, 3, new int[] {0, 2}, new int[] {2, 1}, new float[] {1, 1}))
                .hasMessageContaining("not strictly ascending");
        assertThatThrownBy(() -> InteractionMatrix.ofCsr(1, 3, new int[] {0, 1}, new int[] {3}, new float[] {1}))
                .hasMessageContaining("item index 3");
        assertThatThrownBy(() -> InteractionMatrix.ofCsr(1, 3, new int[] {0, 1}, new int[] {0}, new float[] {Float.NaN}))
                .hasMessageContaining("NaN");
    }
}
