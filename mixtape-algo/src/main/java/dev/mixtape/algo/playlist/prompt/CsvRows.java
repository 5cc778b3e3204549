package dev.mixtape.algo.playlist.prompt;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

/**
 * A minimal RFC 4180 reader for the calibration datasets: comma-separated, optional double quotes
 * (a doubled quote inside is a quote, line breaks inside quotes are kept), CRLF or LF, a header row,
 * plain or gzip (by the {@code .gz} name). Used offline only, never at request time.
 */
final class CsvRows {
    private CsvRows() {}

    /** A data row, read by header name. */
    record Row(Map<String, Integer> header, List<String> cells, long line) {
        String get(String column) {
            Integer i = header.get(column);
            if (i == null) {
                throw new IllegalArgumentException("no column '" + column + "' (have " + header.keySet() + ")");
            }
            if (i >= cells.size()) {
                throw new IllegalArgumentException("line " + line + ": missing column '" + column + "'");
            }
            return cells.get(i);
        }

        double number(String column) {
            String v = get(column);
            try {
                return Double.parseDouble(v.strip());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("line " + line + ": " + column + " is not a number: '" + v + "'", e);
            }
        }
    }

    static void forEach(Path file, Consumer<Row> action) throws IOException {
        try (InputStream raw = Files.newInputStream(file);
             InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw;
             Reader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            Map<String, Integer> header = null;
            long line = 1;
            List<String> rec;
            while ((rec = next(r)) != null) {
                if (header == null) {
                    header = new HashMap<>();
                    for (int i = 0; i < rec.size(); i++) {
                        header.put(rec.get(i).replace("\uFEFF", "").strip(), i);
                    }
                } else if (!(rec.size() == 1 && rec.get(0).isEmpty())) {
                    action.accept(new Row(header, rec, line));
                }
                line++;
            }
        }
    }

    /** The next record, or null at the end of input. */
    private static List<String> next(Reader r) throws IOException {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        int c = r.read();
        if (c < 0) {
            return null;
        }
        while (true) {
            if (c < 0) {
                cells.add(cell.toString());
                return cells;
            }
            if (quoted) {
                if (c == '"') {
                    int d = r.read();
                    if (d == '"') {
                        cell.append('"');
                    } else {
                        quoted = false;
                        c = d;
                        continue;
                    }
                } else {
                    cell.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                cells.add(cell.toString());
                return cells;
            } else if (c != '\r') {
                cell.append((char) c);
            }
            c = r.read();
        }
    }
}
