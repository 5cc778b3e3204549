package dev.mixtape.connectors.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;

/** Sends a request through a transport and reads the answer as JSON. */
public final class RemoteJson {
    private static final ObjectMapper JSON = new ObjectMapper();

    private RemoteJson() {}

    /** @throws MalformedAnswerException when a 2xx answer is not JSON (or is empty) */
    public static JsonNode get(Transport transport, RemoteRequest request) {
        RemoteResponse r = transport.send(request);
        try {
            JsonNode n = r.body() == null ? null : JSON.readTree(r.body());
            if (n == null || n.isMissingNode()) {
                throw new MalformedAnswerException(request.endpoint() + " answered " + r.status() + " with an empty body", null);
            }
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new MalformedAnswerException(request.endpoint() + " answered " + r.status() + " with malformed JSON: "
                    + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedAnswerException(request.endpoint() + " answered " + r.status() + " with an unreadable body: " + e, e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
