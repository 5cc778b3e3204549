package dev.mixtape.eval.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a tab-separated file with a header row, gzip or plain, handing each data row to a
 * {@link RowHandler} with its 1-based line number; columns are found by header name
 * (case-insensitive), so extra or reordered columns do no harm. Blank lines are skipped; CR before
 * LF is dropped. Rows with fewer fields than the last needed column are reported as malformed.
 */
final class TsvFile {
    private TsvFile() {}

    /** Receives one data row; returns a reason when the row is malformed, else null. */
    @FunctionalInterface
    interface RowHandler {
        String row(long line, String[] fields);
    }

    /**
     * Reads {@code file}, whose header must name every column of {@code columns}; the handler gets
     * the fields in the order of {@code columns}. Returns the number of data rows seen.
     *
     * @throws UnusableFileException when the file is empty or a column is missing from the header
     */
    static long read(Path file, Charset charset, List<String> columns, ReadProblems problems, RowHandler handler)
            throws IOException {
        String name = file.getFileName().toString();
        try (BufferedReader r = TextFiles.open(file, charset)) {
            String header = r.readLine();
            if (header == null) {
                throw new UnusableFileException(file + " is empty; expected a header with " + columns);
            }
            List<String> names = new ArrayList<>();
            for (String h : strip(header).split("\t", -1)) {
                names.add(h.strip().toLowerCase(Locale.ROOT));
            }
            int[] pos = new int[columns.size()];
            int needed = 0;
            for (int c = 0; c < columns.size(); c++) {
                pos[c] = names.indexOf(columns.get(c).toLowerCase(Locale.ROOT));
                if (pos[c] < 0) {
                    throw new UnusableFileException(file + ": header " + names + " lacks column '" + columns.get(c)
                            + "' (expected " + columns + ")");
                }
                needed = Math.max(needed, pos[c] + 1);
            }
            String[] out = new String[columns.size()];
            long lineNo = 1;
            long rows = 0;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                line = strip(line);
                if (line.isBlank()) {
                    continue;
                }
                rows++;
                String[] f = line.split("\t", -1);
                if (f.length < needed) {
                    problems.add(name, lineNo, "expected at least " + needed + " tab-separated fields, found " + f.length, line);
                    continue;
                }
                for (int c = 0; c < pos.length; c++) {
                    out[c] = f[pos[c]].strip();
                }
                String reason = handler.row(lineNo, out);
                if (reason != null) {
                    problems.add(name, lineNo, reason, line);
                }
            }
            return rows;
        }
    }

    private static String strip(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }
}
