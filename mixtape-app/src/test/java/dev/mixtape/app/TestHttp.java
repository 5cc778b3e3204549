package dev.mixtape.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** JSON requests to a test server on loopback. */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestHttp() {}

    /** {@code method path} with a JSON {@code body} (or none), answered as text. */
    public static HttpResponse<String> call(MixtapeApp app, String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path)).header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
