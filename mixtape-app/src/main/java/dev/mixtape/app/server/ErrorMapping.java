package dev.mixtape.app.server;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Maps every failure to Spotify's error object {@code {"error":{"status":N,"message":"..."}}}, in one
 * place: domain exceptions to 400/404, an unavailable store to 503, {@link ApiException} to its status, anything unexpected to 500
 * (logged with its stack trace; the client gets no internals), unknown paths to 404.
 */
public final class ErrorMapping {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapping.class);
    private static final JsonFactory JSON = new JsonFactory();

    private ErrorMapping() {}

    public static void register(Javalin app) {
        app.exception(InvalidRequestException.class, (e, ctx) -> write(ctx, 400, e.getMessage()));
        app.exception(NotFoundException.class, (e, ctx) -> write(ctx, 404, e.getMessage()));
        app.exception(dev.mixtape.core.ConflictException.class, (e, ctx) -> write(ctx, 409, e.getMessage()));
        app.exception(dev.mixtape.core.StoreUnavailableException.class, (e, ctx) -> {
            LOG.atWarn().addKeyValue("path", ctx.path()).addKeyValue("error", e.getMessage()).log("store unavailable");
            ctx.header("Retry-After", "5");
            write(ctx, 503, e.getMessage());
        });
        app.exception(ApiException.class, (e, ctx) -> {
            if (e.status() == 503) {
                ctx.header("Retry-After", "5");
            }
            write(ctx, e.status(), e.getMessage());
        });
        // a remote provider (Spotify, ReccoBeats) failed after retries: the gateway errors, naming the upstream's answer
        app.exception(dev.mixtape.connectors.http.Resilience.HttpStatusException.class, (e, ctx) -> remote(ctx, e, ""));
        app.exception(dev.mixtape.connectors.http.Resilience.TransportException.class, (e, ctx) -> remote(ctx, e, ""));
        app.exception(dev.mixtape.connectors.http.MalformedAnswerException.class, (e, ctx) -> remote(ctx, e, ""));
        app.exception(dev.mixtape.connectors.http.Lookup.PartialFailure.class,
                (e, ctx) -> remote(ctx, e.reason(), " (for " + e.failed().size() + " ids)"));
        app.exception(io.github.resilience4j.circuitbreaker.CallNotPermittedException.class, (e, ctx) -> {
            ctx.header("Retry-After", "30");
            write(ctx, 503, "the remote provider is failing; calls are paused for 30 s (" + e.getMessage() + ")");
        });
        app.exception(UnsupportedOperationException.class, (e, ctx) -> write(ctx, 501, e.getMessage()));
        app.exception(HttpResponseException.class, (e, ctx) -> write(ctx, e.getStatus(), e.getMessage()));
        app.exception(Exception.class, (e, ctx) -> {
            LOG.atError().setCause(e).addKeyValue("method", ctx.method()).addKeyValue("path", ctx.path())
                    .log("unexpected error");
            write(ctx, 500, "internal error; see the server log");
        });
        app.error(404, ctx -> {
            if (ctx.resultInputStream() == null) {
                write(ctx, 404, "no such endpoint: " + ctx.method() + " " + ctx.path());
            }
        });
        app.error(405, ctx -> {
            if (ctx.resultInputStream() == null) {
                write(ctx, 405, "method " + ctx.method() + " is not allowed on " + ctx.path());
            }
        });
    }

    /** A remote provider's failure: 503 + Retry-After when it rate-limits us, 504 when it timed out, else 502. */
    private static void remote(Context ctx, RuntimeException e, String scope) {
        if (e instanceof dev.mixtape.connectors.http.Resilience.HttpStatusException h && h.status() == 429) {
            ctx.header("Retry-After", Long.toString(h.retryAfter() == null ? 30 : Math.max(1, h.retryAfter().toSeconds())));
            write(ctx, 503, "the remote provider is rate limiting us" + scope + ": " + h.getMessage());
        } else if (e instanceof dev.mixtape.connectors.http.Resilience.TransportException t) {
            write(ctx, t.timeout() ? 504 : 502, "the remote provider " + (t.timeout() ? "timed out" : "is unreachable") + scope + ": " + t.getMessage());
        } else {
            write(ctx, 502, "the remote provider failed" + scope + ": " + e.getMessage());
        }
    }

    public static void write(Context ctx, int status, String message) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeObjectFieldStart("error");
            g.writeNumberField("status", status);
            g.writeStringField("message", message == null ? "" : message);
            g.writeEndObject();
            g.writeEndObject();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        ctx.status(status).contentType("application/json; charset=utf-8").result(out.toByteArray());
    }
}
