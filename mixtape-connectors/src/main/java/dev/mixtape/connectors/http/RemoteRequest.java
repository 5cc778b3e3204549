package dev.mixtape.connectors.http;

import java.net.URI;
import java.util.Map;

/**
 * One call to a remote API.
 *
 * @param host     where it goes ({@code host:port}): the key of per-host limits, concurrency and circuit breakers
 * @param endpoint a stable name for metrics and logs, without ids (e.g. {@code GET /v1/tracks})
 * @param uri      the full address
 * @param headers  request headers (an {@code Authorization} value is never logged)
 * @param body     a form or JSON body for POST, or null for GET
 */
public record RemoteRequest(String host, String endpoint, URI uri, Map<String, String> headers, String body) {
    public RemoteRequest {
        headers = Map.copyOf(headers);
    }

    public static RemoteRequest get(URI uri, String endpoint, Map<String, String> headers) {
        return new RemoteRequest(hostOf(uri), endpoint, uri, headers, null);
    }

    public static String hostOf(URI uri) {
        return uri.getHost() + ":" + (uri.getPort() < 0 ? ("https".equals(uri.getScheme()) ? 443 : 80) : uri.getPort());
    }

    public RemoteRequest withHeader(String name, String value) {
        java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
        h.put(name, value);
        return new RemoteRequest(host, endpoint, uri, h, body);
    }
}
