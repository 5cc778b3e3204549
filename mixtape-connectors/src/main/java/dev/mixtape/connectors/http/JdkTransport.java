package dev.mixtape.connectors.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/**
 * The JDK's HTTP client: one pooled client (connections are kept alive and reused), HTTP/2 when a TLS server offers
 * it (ALPN, no extra round trip), a connect timeout and a read timeout per request. Plain {@code http://} goes out as
 * HTTP/1.1: an h2c upgrade attempt would hold every other request to a new host until the first one returned.
 */
public final class JdkTransport implements Transport {
    private final HttpClient http;
    private final Duration readTimeout;

    public JdkTransport(Duration connectTimeout, Duration readTimeout) {
        this(HttpClient.newBuilder().connectTimeout(connectTimeout).version(HttpClient.Version.HTTP_2).build(), readTimeout);
    }

    public JdkTransport(HttpClient http, Duration readTimeout) {
        this.http = http;
        this.readTimeout = readTimeout;
    }

    @Override
    public RemoteResponse send(RemoteRequest request) {
        HttpRequest.Builder b = HttpRequest.newBuilder(request.uri()).timeout(readTimeout);
        if ("http".equals(request.uri().getScheme())) {
            b.version(HttpClient.Version.HTTP_1_1);
        }
        request.headers().forEach(b::header);
        b = request.body() == null ? b.GET() : b.POST(HttpRequest.BodyPublishers.ofString(request.body()));
        HttpResponse<String> r;
        try {
            r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Resilience.TransportException(request.endpoint() + " on " + request.host() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while calling " + request.endpoint(), e);
        }
        return new RemoteResponse(r.statusCode(), r.body(), Optional.ofNullable(Resilience.retryAfter(r)));
    }
}
