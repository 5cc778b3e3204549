package dev.mixtape.storage.importer;

/** A row that was skipped on import, with its line number in the file and the reason. */
public record RowProblem(long line, String reason) {
    @Override
    public String toString() {
        return "line " + line + ": " + reason;
    }
}
