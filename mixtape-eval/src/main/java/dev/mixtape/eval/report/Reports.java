package dev.mixtape.eval.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes all three reports into one folder. */
public final class Reports {
    public static final String JSON = "results.json";
    public static final String MARKDOWN = "results.md";
    public static final String HTML = "report.html";

    private Reports() {}

    /** Writes {@value #JSON}, {@value #MARKDOWN} and {@value #HTML} into {@code dir} (created if needed); returns their paths. */
    public static List<Path> writeAll(EvaluationReport report, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path json = dir.resolve(JSON);
        Path md = dir.resolve(MARKDOWN);
        Path html = dir.resolve(HTML);
        JsonReport.write(report, json);
        MarkdownReport.write(report, md);
        HtmlReport.write(report, html);
        return List.of(json, md, html);
    }
}
