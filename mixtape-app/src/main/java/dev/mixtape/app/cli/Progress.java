package dev.mixtape.app.cli;

import dev.mixtape.storage.importer.ProgressListener;
import java.util.HashMap;
import java.util.Map;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Shows progress of long work: a progress bar per phase on a terminal, a log line every 10% elsewhere
 * (CI logs, pipes). A phase's bar is closed when the next phase begins (its clock stops there); close this
 * when the work ends, before printing a summary: an open bar keeps redrawing, over the lines below it.
 */
final class Progress implements ProgressListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Progress.class);
    private final boolean terminal;
    private final Map<String, ProgressBar> bars = new HashMap<>();
    private final Map<String, Long> lastDecile = new HashMap<>();
    private final String task;

    Progress(String task) {
        this(task, System.console() != null);
    }

    /** @param terminal whether to draw bars (else log lines) */
    Progress(String task, boolean terminal) {
        this.task = task;
        this.terminal = terminal;
    }

    /** Bars still drawing. */
    synchronized int openBars() {
        return bars.size();
    }

    @Override
    public synchronized void progress(String phase, long done, long total) {
        if (terminal) {
            if (!bars.containsKey(phase)) {
                // phases run one after another: a new one ends the others, whose bars (and clocks) stop here
                finishAll();
            }
            ProgressBar bar = bars.computeIfAbsent(phase, p -> new ProgressBarBuilder()
                    .setTaskName(task + ": " + p).setInitialMax(total).setStyle(ProgressBarStyle.ASCII)
                    .setUpdateIntervalMillis(200).continuousUpdate().build());
            bar.maxHint(total);
            bar.stepTo(done);
            return;
        }
        long decile = total <= 0 ? 10 : done * 10 / total;
        Long last = lastDecile.put(phase, decile);
        if (last == null || decile > last) {
            LOG.atInfo().addKeyValue("phase", phase).addKeyValue("percent", decile * 10).log(task + " progress");
        }
    }

    /** Closes every bar before returning, so nothing printed afterwards is drawn over. */
    @Override
    public synchronized void close() {
        finishAll();
    }

    private void finishAll() {
        bars.values().forEach(ProgressBar::close);
        bars.clear();
    }
}
