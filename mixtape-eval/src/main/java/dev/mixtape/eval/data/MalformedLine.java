package dev.mixtape.eval.data;

/**
 * One line a reader skipped: the file, its 1-based line number, why, and the line itself
 * (shortened to 200 characters).
 */
public record MalformedLine(String file, long line, String reason, String text) {
    public MalformedLine {
        if (text != null && text.length() > 200) {
            text = text.substring(0, 200) + "…";
        }
    }

    @Override
    public String toString() {
        return file + ":" + line + ": " + reason + (text == null ? "" : " [" + text + "]");
    }
}
