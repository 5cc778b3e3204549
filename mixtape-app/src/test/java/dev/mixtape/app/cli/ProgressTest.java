package dev.mixtape.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Progress bars on a terminal: one per phase, closed when the next phase begins and all closed by close(). */
class ProgressTest {
    @Test
    void aNewPhaseClosesTheBarOfTheLastAndCloseLeavesNoneDrawing() {
        Progress p = new Progress("import", true);
        p.progress("read", 10, 100);
        p.progress("read", 100, 100);
        assertThat(p.openBars()).isEqualTo(1);
        // the read bar stops here (its clock with it); only the write bar draws on
        p.progress("write", 5, 50);
        assertThat(p.openBars()).isEqualTo(1);
        p.progress("write", 50, 50);
        p.close();
        // nothing redraws over what the command prints next
        assertThat(p.openBars()).isZero();
    }

    @Test
    void offATerminalItDrawsNoBars() {
        try (Progress p = new Progress("import", false)) {
            p.progress("read", 50, 100);
            assertThat(p.openBars()).isZero();
        }
    }
}
