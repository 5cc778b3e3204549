package dev.mixtape.app.learn;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One training of the listening model, as {@code GET /api/v1/models/train/{id}} shows it. Written by the training
 * thread, read by request threads: every field is volatile and {@link #view} copies them. Thread-safe.
 */
public final class TrainingJob {
    public enum State { QUEUED, RUNNING, SUCCEEDED, FAILED }

    private final String id;
    private final String reason;
    private final Instant queuedAt;
    private volatile State state = State.QUEUED;
    private volatile String phase = "queued";
    private volatile double progress;
    private volatile Instant startedAt;
    private volatile Instant finishedAt;
    private volatile String version;
    private volatile String error;
    private volatile Map<String, String> manifest = Map.of();

    TrainingJob(String id, String reason, Instant queuedAt) {
        this.id = id;
        this.reason = reason;
        this.queuedAt = queuedAt;
    }

    public String id() {
        return id;
    }

    public State state() {
        return state;
    }

    public boolean done() {
        return state == State.SUCCEEDED || state == State.FAILED;
    }

    public String version() {
        return version;
    }

    public String error() {
        return error;
    }

    public Map<String, String> manifest() {
        return manifest;
    }

    void start(Instant at) {
        startedAt = at;
        state = State.RUNNING;
    }

    void phase(String name, double fraction) {
        phase = name;
        progress = Math.max(0, Math.min(1, fraction));
    }

    void succeed(String v, Map<String, String> m, Instant at) {
        version = v;
        manifest = Map.copyOf(m);
        progress = 1;
        phase = "done";
        finishedAt = at;
        state = State.SUCCEEDED;
    }

    void fail(String why, Instant at) {
        error = why;
        phase = "failed";
        finishedAt = at;
        state = State.FAILED;
    }

    /** The job as JSON-ready fields. */
    public Map<String, Object> view() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", id);
        out.put("state", state.name().toLowerCase(java.util.Locale.ROOT));
        out.put("reason", reason);
        out.put("phase", phase);
        out.put("progress", Math.round(progress * 1000) / 1000.0);
        out.put("queued_at", queuedAt.toString());
        out.put("started_at", startedAt == null ? null : startedAt.toString());
        out.put("finished_at", finishedAt == null ? null : finishedAt.toString());
        out.put("version", version);
        out.put("error", error);
        if (!manifest.isEmpty()) {
            out.put("manifest", manifest);
        }
        return out;
    }
}
