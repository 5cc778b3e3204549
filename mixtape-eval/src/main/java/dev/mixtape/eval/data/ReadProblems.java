package dev.mixtape.eval.data;

import java.util.ArrayList;
import java.util.List;

/**
 * The malformed lines met while reading: the first {@value #KEPT} in full and the total count.
 * Readers collect them instead of throwing, so one bad line does not lose a dataset.
 *
 * <p>Not thread-safe while collecting; {@link #freeze()} gives an immutable copy.
 */
public final class ReadProblems {
    /** How many malformed lines are kept with their text; the rest are only counted. */
    public static final int KEPT = 1000;

    private final List<MalformedLine> lines;
    private long total;
    private final boolean frozen;

    public ReadProblems() {
        this(new ArrayList<>(), 0, false);
    }

    private ReadProblems(List<MalformedLine> lines, long total, boolean frozen) {
        this.lines = lines;
        this.total = total;
        this.frozen = frozen;
    }

    public void add(String file, long line, String reason, String text) {
        if (frozen) {
            throw new IllegalStateException("read problems are frozen");
        }
        total++;
        if (lines.size() < KEPT) {
            lines.add(new MalformedLine(file, line, reason, text));
        }
    }

    /** Adds every problem of {@code other}. */
    public void addAll(ReadProblems other) {
        for (MalformedLine m : other.lines) {
            add(m.file(), m.line(), m.reason(), m.text());
        }
        total += other.total - other.lines.size();
    }

    /** The kept malformed lines, in reading order (at most {@value #KEPT}). */
    public List<MalformedLine> lines() {
        return List.copyOf(lines);
    }

    /** How many malformed lines there were in all. */
    public long total() {
        return total;
    }

    public boolean isEmpty() {
        return total == 0;
    }

    public ReadProblems freeze() {
        return new ReadProblems(List.copyOf(lines), total, true);
    }

    @Override
    public String toString() {
        return total + " malformed line(s)" + (lines.isEmpty() ? "" : ", first: " + lines.get(0));
    }
}
