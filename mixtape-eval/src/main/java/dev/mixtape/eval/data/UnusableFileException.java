package dev.mixtape.eval.data;

import java.io.IOException;

/**
 * A data file that cannot be used at all: a missing or wrong header, no valid row, a checksum that
 * does not match. Single bad lines are collected as {@link MalformedLine}s instead.
 */
public class UnusableFileException extends IOException {
    public UnusableFileException(String message) {
        super(message);
    }
}
