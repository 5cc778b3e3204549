package dev.mixtape.algo.personality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.mixtape.core.DataDir;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.listener.Traits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

class InventoryTest {
    @Test
    void keysHaveThePublishedShape() {
        assertThat(countPerTrait(Inventory.IPIP_50)).containsExactly(10, 10, 10, 10, 10);
        assertThat(countPerTrait(Inventory.MINI_IPIP_20)).containsExactly(4, 4, 4, 4, 4);
        // BFI-44: O 10, C 9, E 8, A 9, N 8
        assertThat(countPerTrait(Inventory.BFI_44)).containsExactly(10, 9, 8, 9, 8);
        assertThat(reverseCount(Inventory.BFI_44)).isEqualTo(16);
        assertThat(reverseCount(Inventory.MINI_IPIP_20)).isEqualTo(11);
    }

    @Test
    void ipip50StabilityItemsScoreNeuroticismInverted() {
        // item 4 "Get stressed out easily." is keyed − for Emotional Stability: agreeing raises neuroticism
        assertThat(Inventory.IPIP_50.factorOf(3)).isEqualTo(Inventory.N);
        assertThat(Inventory.IPIP_50.positive(3)).isTrue();
        // item 9 "Am relaxed most of the time." is keyed + for stability: agreeing lowers neuroticism
        assertThat(Inventory.IPIP_50.positive(8)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Inventory.class)
    void answeringEveryItemTowardATraitMaximisesItAndOnlyIt(Inventory inv) {
        for (int trait = 0; trait < 5; trait++) {
            List<Integer> answers = new ArrayList<>();
            for (int i = 0; i < inv.items(); i++) {
                boolean toward = inv.factorOf(i) == trait;
                answers.add(toward ? (inv.positive(i) ? 5 : 1) : 3);
            }
            double[] t = inv.score(answers).toArray();
            for (int k = 0; k < 5; k++) {
                assertThat(t[k]).as("%s trait %d when maximising %d", inv, k, trait).isCloseTo(k == trait ? 1.0 : 0.5, within(1e-9));
            }
        }
    }

    @Test
    void miniIpipExample() {
        // E items 1,6,11,16 answered 5,1,5,1 -> all toward high E; everything else 3
        List<Integer> a = new ArrayList<>(Collections.nCopies(20, 3));
        a.set(0, 5);
        a.set(5, 1);
        a.set(10, 4);
        a.set(15, 2);
        Traits t = Inventory.MINI_IPIP_20.score(a);
        assertThat(t.extraversion()).isCloseTo((4.5 - 1) / 4, within(1e-9));
        assertThat(t.openness()).isEqualTo(0.5);
    }

    @Test
    void validationNamesTheProblem() {
        assertThatThrownBy(() -> Inventory.MINI_IPIP_20.score(Collections.nCopies(19, 3)))
                .isInstanceOf(InvalidRequestException.class).hasMessage("mini-ipip-20 has 20 items; got 19 answers");
        List<Integer> a = new ArrayList<>(Collections.nCopies(20, 3));
        a.set(7, 6);
        assertThatThrownBy(() -> Inventory.MINI_IPIP_20.score(a)).hasMessageContaining("answers[7] (item 8) must be a whole number from 1 to 5; got 6");
        List<Double> frac = new ArrayList<>(Collections.nCopies(20, 3.0));
        frac.set(0, 2.5);
        assertThatThrownBy(() -> Inventory.MINI_IPIP_20.score(frac)).hasMessageContaining("answers[0]");
        assertThatThrownBy(() -> Inventory.parse("mbti")).hasMessageContaining("ipip-50, mini-ipip-20, bfi-44");
        assertThat(Inventory.parse("IPIP_50")).isEqualTo(Inventory.IPIP_50);
        assertThat(Inventory.parse("miniipip20")).isEqualTo(Inventory.MINI_IPIP_20);
    }

    /** The keys in the code agree with the published item files, where the data dir has them. */
    @ParameterizedTest
    @EnumSource(value = Inventory.class, names = {"IPIP_50", "MINI_IPIP_20"})
    void keysAgreeWithTheItemFiles(Inventory inv) throws IOException {
        Path file = dataDir().resolve("personality-ipip-bigfive").resolve(inv.itemFile());
        Assumptions.assumeTrue(Files.isRegularFile(file) || System.getenv("CI") != null, "no data dir");
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(inv.items() + 1);
        for (int i = 0; i < inv.items(); i++) {
            String[] f = lines.get(i + 1).split(",");
            String factor = f[3];
            boolean plus = f[4].equals("+");
            int trait = switch (factor) {
                case "Extraversion" -> Inventory.E;
                case "Agreeableness" -> Inventory.A;
                case "Conscientiousness" -> Inventory.C;
                case "Emotional Stability", "Neuroticism" -> Inventory.N;
                default -> Inventory.O;
            };
            boolean towardHigh = factor.equals("Emotional Stability") ? !plus : plus;
            assertThat(inv.factorOf(i)).as("item %d", i + 1).isEqualTo(trait);
            assertThat(inv.positive(i)).as("item %d", i + 1).isEqualTo(towardHigh);
        }
    }

    static Path dataDir() {
        return DataDir.resolve();
    }

    private static int[] countPerTrait(Inventory inv) {
        int[] c = new int[5];
        for (int i = 0; i < inv.items(); i++) {
            c[inv.factorOf(i)]++;
        }
        return c;
    }

    private static int reverseCount(Inventory inv) {
        int n = 0;
        for (int i = 0; i < inv.items(); i++) {
            n += inv.positive(i) ? 0 : 1;
        }
        return n;
    }
}
