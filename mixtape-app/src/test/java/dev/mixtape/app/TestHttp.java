package dev.mixtape.app;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * JSON requests to a test server on loopback. Every answer is checked against the OpenAPI document
 * ({@link OpenApiContract}): an undocumented route or status, or a body that does not match its schema, fails the test.
 */
public final class TestHttp {
    private static final HttpClient CLIENT = HttpClient.newHttpClient();

    private TestHttp() {}

    /** {@code method path} with a JSON {@code body} (or none), answered as text. */
    public static HttpResponse<String> call(MixtapeApp app, String method, String path, String body) throws Exception {
        HttpResponse<String> response = unchecked(app, method, path, body);
        conforms(method, path, response);
        return response;
    }

    /** As {@link #call}, for what the OpenAPI document does not describe (the web UI's files). */
    public static HttpResponse<String> unchecked(MixtapeApp app, String method, String path, String body) throws Exception {
        return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Fails when {@code response} does not conform to the OpenAPI document (see {@link OpenApiContract#problem}). */
    public static void conforms(String method, String path, HttpResponse<String> response) {
        String problem = OpenApiContract.get().problem(method, path, response);
        if (problem != null) {
            throw new AssertionError("OpenAPI: " + problem);
        }
    }
}
