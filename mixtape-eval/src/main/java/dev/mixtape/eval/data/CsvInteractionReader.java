package dev.mixtape.eval.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a generic {@code user,item,weight[,timestamp]} file (UTF-8, gzip or plain): columns by
 * position, an optional header (recognised when the first line's weight field is not a number),
 * fields optionally in double quotes ({@code ""} for a quote inside). The delimiter is given, or
 * guessed from the first line (tab, then comma, then semicolon).
 *
 * <p>The file has timestamps when its first data row has a non-empty fourth field; then every row
 * needs one. A timestamp is an integer (kept as is: only its order matters) or an ISO-8601 instant,
 * local date-time (read as UTC) or date, converted to epoch milliseconds. Weights must be finite;
 * a weight of 0 or less is kept as a row but is not a positive. Malformed lines are collected with
 * their line numbers; the file is unusable only when it has no valid row.
 *
 * <p>Immutable and thread-safe.
 */
public final class CsvInteractionReader {
    private final Character delimiter;

    /** A reader that guesses the delimiter from the first line. */
    public CsvInteractionReader() {
        this.delimiter = null;
    }

    public CsvInteractionReader(char delimiter) {
        if (delimiter == '"' || delimiter == '\n' || delimiter == '\r') {
            throw new IllegalArgumentException("delimiter must not be a quote or line break, got '" + delimiter + "'");
        }
        this.delimiter = delimiter;
    }

    /** Reads {@code file} as a dataset named after the file (without {@code .csv}, {@code .tsv}, {@code .gz}). */
    public InteractionData read(Path file) throws IOException {
        String name = file.getFileName().toString().replaceAll("(\\.(csv|tsv|txt|dat))?(\\.gz)?$", "");
        return read(file, name.isBlank() ? "csv" : name);
    }

    public InteractionData read(Path file, String name) throws IOException {
        String fileName = file.getFileName().toString();
        ReadProblems problems = new ReadProblems();
        IdIndex.Builder users = new IdIndex.Builder();
        IdIndex.Builder items = new IdIndex.Builder();
        Growable.Ints u = new Growable.Ints();
        Growable.Ints it = new Growable.Ints();
        Growable.Floats w = new Growable.Floats();
        Growable.Longs t = new Growable.Longs();
        Boolean timed = null;
        char delim = delimiter == null ? ',' : delimiter;
        try (BufferedReader r = TextFiles.open(file, StandardCharsets.UTF_8)) {
            long lineNo = 0;
            boolean first = true;
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                lineNo++;
                if (line.endsWith("\r")) {
                    line = line.substring(0, line.length() - 1);
                }
                if (line.isBlank()) {
                    continue;
                }
                if (first) {
                    first = false;
                    if (delimiter == null) {
                        delim = guess(line);
                    }
                    List<String> f = split(line, delim);
                    if (f != null && f.size() >= 3 && !isNumber(f.get(2).strip())) {
                        continue; // header
                    }
                }
                List<String> f = split(line, delim);
                if (f == null) {
                    problems.add(fileName, lineNo, "unbalanced double quote", line);
                    continue;
                }
                if (f.size() < 3) {
                    problems.add(fileName, lineNo, "expected user" + delim + "item" + delim + "weight[" + delim
                            + "timestamp], found " + f.size() + " field(s)", line);
                    continue;
                }
                String user = f.get(0).strip();
                String item = f.get(1).strip();
                if (user.isEmpty() || item.isEmpty()) {
                    problems.add(fileName, lineNo, "empty user or item id", line);
                    continue;
                }
                float weight;
                try {
                    weight = Float.parseFloat(f.get(2).strip());
                } catch (NumberFormatException e) {
                    problems.add(fileName, lineNo, "weight '" + f.get(2).strip() + "' is not a number", line);
                    continue;
                }
                if (!Float.isFinite(weight)) {
                    problems.add(fileName, lineNo, "weight " + f.get(2).strip() + " is not finite", line);
                    continue;
                }
                String ts = f.size() > 3 ? f.get(3).strip() : "";
                if (timed == null) {
                    timed = !ts.isEmpty();
                }
                long time = 0;
                if (timed) {
                    if (ts.isEmpty()) {
                        problems.add(fileName, lineNo, "missing timestamp (earlier rows have one)", line);
                        continue;
                    }
                    try {
                        time = parseTime(ts);
                    } catch (DateTimeParseException | NumberFormatException e) {
                        problems.add(fileName, lineNo, "timestamp '" + ts + "' is neither an integer nor ISO-8601", line);
                        continue;
                    }
                }
                u.add(users.add(user));
                it.add(items.add(item));
                w.add(weight);
                t.add(time);
            }
        }
        if (u.size() == 0) {
            throw new UnusableFileException(file + " has no valid user" + delim + "item" + delim + "weight row ("
                    + problems + ")");
        }
        return new InteractionData(name, users.build(), items.build(), u.toArray(), it.toArray(), w.toArray(),
                Boolean.TRUE.equals(timed) ? t.toArray() : null, problems.freeze());
    }

    static long parseTime(String s) {
        if (s.matches("-?\\d+")) {
            return Long.parseLong(s);
        }
        if (s.length() == 10) {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
        }
        if (s.endsWith("Z") || s.matches(".*[+-]\\d\\d:?\\d\\d$")) {
            return Instant.parse(s).toEpochMilli();
        }
        return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    private static char guess(String line) {
        for (char c : new char[] {'\t', ',', ';'}) {
            if (line.indexOf(c) >= 0) {
                return c;
            }
        }
        return ',';
    }

    private static boolean isNumber(String s) {
        try {
            Float.parseFloat(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Splits one line on {@code delim}, honouring double quotes; null when a quote is left open. */
    static List<String> split(String line, char delim) {
        List<String> out = new ArrayList<>(4);
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"' && cur.toString().isBlank()) {
                quoted = true;
                cur.setLength(0);
            } else if (c == delim) {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            return null;
        }
        out.add(cur.toString());
        return out;
    }
}
