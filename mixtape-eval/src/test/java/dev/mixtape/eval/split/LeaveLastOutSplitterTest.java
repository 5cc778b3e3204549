package dev.mixtape.eval.split;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.eval.data.InteractionData;
import java.util.List;
import org.junit.jupiter.api.Test;

class LeaveLastOutSplitterTest {
    @Test
    void holdsOutEachUsersLatestItem() {
        InteractionData d = SplitTestData.of("events", List.of(
                "a x 1 10", "a y 1 50", "a z 1 30", "a x 1 60",   // x's latest play (60) is the last
                "b x 1 5", "b y 1 9", "b z 1 9",                  // tie at 9: z sorts after y
                "c x 1 1", "c y 1 2",                             // 2 < minItems 3: training only
                "d x 1 1", "d y 0 99", "d z 1 3", "d v 1 2"));   // y is no positive
        Split s = new LeaveLastOutSplitter(3).split(d);
        assertThat(SplitTestData.pairs(s.test(), s.users(), s.items())).containsExactlyInAnyOrder("a x", "b z", "d z");
        assertThat(s.train().nnz()).isEqualTo(2 + 2 + 2 + 2);
        assertThat(s.protocol()).isEqualTo(LeaveLastOutSplitter.PROTOCOL);
        assertThat(s.hasTimestamps()).isTrue();
        int a = s.users().index("a");
        assertThat(s.testTime()[s.test().userPtr()[a]]).isEqualTo(60L);
    }

    @Test
    void needsTimestamps() {
        InteractionData d = SplitTestData.of("plain", List.of("a x 1", "a y 1"));
        assertThatThrownBy(() -> new LeaveLastOutSplitter(2).split(d)).hasMessageContaining("no timestamps");
        assertThatThrownBy(() -> new LeaveLastOutSplitter(1)).hasMessageContaining("minItems");
    }

    @Test
    void validationTakesTheLastTrainingItem() {
        InteractionData d = SplitTestData.of("events", List.of("a x 1 1", "a y 1 2", "a z 1 3", "a v 1 4"));
        LeaveLastOutSplitter s = new LeaveLastOutSplitter(2);
        Split outer = s.split(d);
        Split v = s.validation(outer);
        assertThat(SplitTestData.pairs(outer.test(), outer.users(), outer.items())).containsExactly("a v");
        assertThat(SplitTestData.pairs(v.test(), v.users(), v.items())).containsExactly("a z");
    }
}
