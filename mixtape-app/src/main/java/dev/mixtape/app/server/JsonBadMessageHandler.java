package dev.mixtape.app.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.handler.ErrorHandler;

/**
 * Jetty's answer to a request it refuses before any route sees it (a NUL or an ambiguous segment in the path, a
 * malformed header), as the same error object every route answers with instead of Jetty's HTML page. Thread-safe.
 */
final class JsonBadMessageHandler extends ErrorHandler {
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
        String message = switch (status) {
            case 414 -> "the request URI is too long (at most 8 KB with Jetty's defaults): send long id lists in several requests";
            case 431 -> "the request's headers are too large (at most 8 KB with Jetty's defaults)";
            default -> "the request could not be read: " + (reason == null || reason.isBlank() ? "bad request" : reason)
                    + " (check the path and headers for control characters or malformed escapes)";
        };
        String json = "{\"error\":{\"status\":" + status + ",\"message\":\"" + escape(message) + "\"}}";
        return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
    }

    private static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
