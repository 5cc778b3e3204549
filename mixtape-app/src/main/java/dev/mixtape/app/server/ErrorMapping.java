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
