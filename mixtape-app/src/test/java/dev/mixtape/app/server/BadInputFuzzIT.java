package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing of every endpoint that takes input: malformed and truncated JSON, wrong types, NaN and Infinity, huge
 * and deeply nested bodies, invalid UTF-8, odd query values and path traversal on the static files. Every answer must
 * be below 500 and arrive within {@value #TIMEOUT_S} s; API errors must be JSON naming the problem. The seed is printed
 * and can be replayed with {@code -Dmixtape.fuzz.seed=S}; {@code -Dmixtape.fuzz.cases=N} sets the budget (default
 * {@value #DEFAULT_CASES}). {@code POST /api/v1/models/train} is left out: a valid body starts a training.
 */
class BadInputFuzzIT {
    static final int TIMEOUT_S = 10;
    static final int DEFAULT_CASES = 3000;
    static final ObjectMapper JSON = new ObjectMapper();
    static MixtapeApp app;
    static String track;
    static String artist;
    static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(TIMEOUT_S)).build();

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
        track = app.engines().get().catalog().trackId(1234);
        artist = app.engines().get().catalog().artistId(321);
        call("POST", "/api/v1/users", "{\"id\":\"fuzz-user\"}".getBytes(StandardCharsets.UTF_8));
    }

    /** A valid body per endpoint, which the mutations start from. */
    static List<String[]> templates() {
        List<String[]> t = new ArrayList<>();
        t.add(new String[] {"POST", "/api/v1/events", "{\"events\":[{\"user_id\":\"fuzz-user\",\"track_id\":\"" + track
                + "\",\"type\":\"play\",\"timestamp\":\"2026-12-01T10:00:00Z\",\"ms_played\":120000}]}"});
        t.add(new String[] {"POST", "/api/v1/users", "{\"id\":\"fuzz-2\",\"created_at\":\"2026-01-01T00:00:00Z\"}"});
        t.add(new String[] {"PUT", "/api/v1/users/fuzz-user/personality", "{\"openness\":0.5,\"conscientiousness\":0.4,"
                + "\"extraversion\":0.6,\"agreeableness\":0.5,\"neuroticism\":0.3}"});
        t.add(new String[] {"POST", "/api/v1/sessions", "{\"user_id\":\"fuzz-user\",\"n\":20}"});
        t.add(new String[] {"POST", "/api/v1/playlists", "{\"prompt\":\"calm acoustic morning like Radiohead\",\"length\":12,"
                + "\"arc\":\"steady\",\"seed\":3,\"targets\":{\"energy\":0.4}}"});
        t.add(new String[] {"POST", "/api/v2/recommendations", "{\"track_id\":\"" + track + "\",\"strategy\":\"content\",\"n\":10,"
                + "\"user_context\":{\"mood\":\"calm\",\"time_of_day\":\"morning\"},\"filters\":{\"genres\":[\"pop\"]}}"});
        t.add(new String[] {"POST", "/api/v2/recommendations/batch", "{\"requests\":[{\"track_id\":\"" + track
                + "\",\"strategy\":\"popularity\"},{\"user_id\":\"fuzz-user\",\"strategy\":\"auto\"}]}"});
        t.add(new String[] {"POST", "/api/v1/experiments", "{\"name\":\"fuzz-exp\",\"variants\":[{\"name\":\"a\",\"strategy\":"
                + "\"content\",\"weight\":0.5},{\"name\":\"b\",\"strategy\":\"hybrid\",\"weight\":0.5}]}"});
        t.add(new String[] {"POST", "/api/v1/users/fuzz-user/prefetch", "{}"});
        t.add(new String[] {"POST", "/api/v1/users/fuzz-user/spotify/top", "{\"refresh_token\":\"AQ-fuzz\"}"});
        return t;
    }

    /** Query-string endpoints and odd values for their parameters. */
    static final String[] GETS = {"/v1/recommendations?seed_tracks=%s", "/v1/recommendations?seed_artists=%s&limit=%s",
        "/v1/recommendations?seed_genres=pop&target_energy=%s&min_tempo=%s", "/v1/recommendations?seed_tracks=" + "%s" + "&max_per_artist=%s",
        "/v1/search?q=%s&type=%s", "/v1/search?q=rock&type=track&limit=%s&offset=%s", "/v1/tracks?ids=%s", "/v1/artists?ids=%s",
        "/v1/audio-features?ids=%s", "/v1/tracks/%s", "/v1/artists/%s/related-artists", "/v1/artists/%s/top-tracks",
        "/api/v1/tracks/%s/similar?n=%s", "/api/v1/users/%s/history", "/api/v1/users/%s", "/api/v1/users/%s/export", "/api/v1/experiments/%s",
        "/api/v1/models/train/%s", "/api/v1/personality/inventories/%s"};

    static final String[] ODD = {"", "%00", "-1", "0", "1e309", "NaN", "Infinity", "-Infinity", "99999999999999999999", "abc",
        "%27%22%3C%3E", "..%2F..%2Fetc%2Fpasswd", "%E2%82", "%FF%FE", "a,b,,c", ",,,,", "%20%20", "1.5", "true", "null",
        "%7B%7D", "x".repeat(5000)};

    static final String[] TRAVERSAL = {"/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/assets/..%2f..%2f..%2fetc%2fpasswd",
        "/..%5c..%5cetc%5cpasswd", "/%252e%252e/%252e%252e/etc/passwd", "/assets/%2e%2e/%2e%2e/pom.xml", "/....//....//etc/passwd",
        "/index.html/../../etc/passwd", "/%c0%ae%c0%ae/etc/passwd"};

    @Test
    void noInputGetsA5xxOrHangs() throws Exception {
        long seed = Long.getLong("mixtape.fuzz.seed", System.nanoTime());
        int cases = Integer.getInteger("mixtape.fuzz.cases", DEFAULT_CASES);
        System.out.println("[fuzz] seed " + seed + ", " + cases + " cases (replay: -Dmixtape.fuzz.seed=" + seed + ")");
        SplittableRandom rnd = new SplittableRandom(seed);
        List<String> failures = new ArrayList<>();
        List<String[]> templates = templates();
        for (int c = 0; c < cases && failures.size() < 20; c++) {
            int kind = rnd.nextInt(10);
            String method;
            String path;
            byte[] body = null;
            if (kind < 6) {
                String[] t = templates.get(rnd.nextInt(templates.size()));
                method = t[0];
                path = t[1];
                body = mutate(t[2], rnd);
            } else if (kind < 9) {
                method = "GET";
                String f = GETS[rnd.nextInt(GETS.length)];
                int holes = f.split("%s", -1).length - 1;
                Object[] values = new Object[holes];
                for (int h = 0; h < holes; h++) {
                    values[h] = rnd.nextInt(4) == 0 ? (f.contains("artist") ? artist : track) : ODD[rnd.nextInt(ODD.length)];
                }
                path = String.format(f, values);
            } else {
                method = "GET";
                path = TRAVERSAL[rnd.nextInt(TRAVERSAL.length)];
            }
            HttpResponse<String> r;
            try {
                r = call(method, path, body);
            } catch (java.net.http.HttpTimeoutException e) {
                failures.add(method + " " + abbreviate(path) + " " + describe(body) + ": no answer in " + TIMEOUT_S + " s");
                continue;
            } catch (IllegalArgumentException e) {
                continue; // a URI the client itself refuses to send: nothing reached the server
            }
            if (r.statusCode() >= 500) {
                failures.add(method + " " + abbreviate(path) + " " + describe(body) + ": " + r.statusCode() + " " + abbreviate(r.body()));
            } else if (kind == 9 && r.statusCode() == 200 && (r.body().contains("root:") || r.body().contains("<project"))) {
                failures.add(method + " " + path + ": served a file outside the web UI");
            } else if (r.statusCode() >= 400 && (path.startsWith("/api/") || path.startsWith("/v1/"))) {
                JsonNode err = parse(r.body());
                boolean named = err != null && (err.path("error").isTextual() && !err.path("error").asText().isBlank()
                        || err.path("error").path("message").isTextual() && !err.path("error").path("message").asText().isBlank());
                if (!named) {
                    failures.add(method + " " + abbreviate(path) + " " + describe(body) + ": " + r.statusCode() + " without a JSON error: "
                            + abbreviate(r.body()));
                }
            }
        }
        assertThat(failures).as("seed " + seed).isEmpty();
    }

    /** One mutation of a valid JSON body, chosen at random. */
    static byte[] mutate(String valid, SplittableRandom rnd) {
        byte[] utf8 = valid.getBytes(StandardCharsets.UTF_8);
        return switch (rnd.nextInt(13)) {
            case 0 -> java.util.Arrays.copyOf(utf8, rnd.nextInt(utf8.length)); // truncated
            case 1 -> replaceValue(valid, rnd, new String[] {"\"x\"", "-1", "1e400", "[]", "{}", "null", "true", "\"\"", "[[[]]]",
                "0.0000001", "\"" + "y".repeat(20_000) + "\""}).getBytes(StandardCharsets.UTF_8); // wrong types and odd values
            case 2 -> replaceValue(valid, rnd, new String[] {"NaN", "Infinity", "-Infinity", "+1", "01", ".5", "1.", "0x10"})
                    .getBytes(StandardCharsets.UTF_8); // not JSON numbers
            case 3 -> ("[".repeat(20_000) + "]".repeat(20_000)).getBytes(StandardCharsets.UTF_8); // deeply nested
            case 4 -> ("{\"a\":".repeat(5_000) + "1" + "}".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 5 -> invalidUtf8(utf8, rnd);
            case 6 -> randomBytes(rnd, 1 + rnd.nextInt(200));
            case 7 -> new byte[0];
            case 8 -> ("{\"padding\":\"" + "z".repeat(3_000_000) + "\"}").getBytes(StandardCharsets.UTF_8); // huge
            case 9 -> valid.replaceFirst("\\{", "{\"unexpected_field\":1,").getBytes(StandardCharsets.UTF_8);
            case 10 -> (valid.substring(0, valid.length() - 1) + ",\"" + firstKey(valid) + "\":" + "\"dup\"}").getBytes(StandardCharsets.UTF_8);
            case 11 -> "\"just a string\"".getBytes(StandardCharsets.UTF_8);
            default -> valid.replace("\"", rnd.nextBoolean() ? "'" : "").getBytes(StandardCharsets.UTF_8);
        };
    }

    /** {@code valid} with the value after one of its colons replaced by one of {@code values}. */
    static String replaceValue(String valid, SplittableRandom rnd, String[] values) {
        List<Integer> colons = new ArrayList<>();
        boolean inString = false;
        for (int i = 0; i < valid.length(); i++) {
            char ch = valid.charAt(i);
            if (ch == '"') {
                inString = !inString;
            } else if (ch == ':' && !inString) {
                colons.add(i);
            }
        }
        if (colons.isEmpty()) {
            return valid;
        }
        int at = colons.get(rnd.nextInt(colons.size())) + 1;
        int end = valueEnd(valid, at);
        return valid.substring(0, at) + values[rnd.nextInt(values.length)] + valid.substring(end);
    }

    private static int valueEnd(String s, int from) {
        int depth = 0;
        boolean inString = false;
        for (int i = from; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (inString) {
                if (ch == '"') {
                    inString = false;
                }
                continue;
            }
            switch (ch) {
                case '"' -> inString = true;
                case '{', '[' -> depth++;
                case '}', ']' -> {
                    if (depth == 0) {
                        return i;
                    }
                    depth--;
                }
                case ',' -> {
                    if (depth == 0) {
                        return i;
                    }
                }
                default -> { }
            }
        }
        return s.length();
    }

    private static String firstKey(String json) {
        int a = json.indexOf('"');
        int b = json.indexOf('"', a + 1);
        return a < 0 || b < 0 ? "k" : json.substring(a + 1, b);
    }

    private static byte[] invalidUtf8(byte[] utf8, SplittableRandom rnd) {
        byte[] out = utf8.clone();
        byte[][] bad = {{(byte) 0xC3}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, {(byte) 0xC0, (byte) 0xAF}};
        byte[] b = bad[rnd.nextInt(bad.length)];
        int at = Math.max(1, rnd.nextInt(out.length));
        byte[] res = new byte[out.length + b.length];
        System.arraycopy(out, 0, res, 0, at);
        System.arraycopy(b, 0, res, at, b.length);
        System.arraycopy(out, at, res, at + b.length, out.length - at);
        return res;
    }

    private static byte[] randomBytes(SplittableRandom rnd, int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) rnd.nextInt(256);
        }
        return b;
    }

    static HttpResponse<String> call(String method, String path, byte[] body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                .timeout(Duration.ofSeconds(TIMEOUT_S)).header("Content-Type", "application/json");
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofByteArray(body));
        HttpResponse<String> response = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        if (WebUi.isApi(path)) {
            // every bad input's answer is one the OpenAPI document lists for that route, with the error object
            dev.mixtape.app.TestHttp.conforms(method, path, response);
        }
        return response;
    }

    private static JsonNode parse(String body) {
        try {
            return JSON.readTree(body);
        } catch (Exception e) {
            return null;
        }
    }

    private static String describe(byte[] body) {
        return body == null ? "" : "(" + body.length + "-byte body: " + abbreviate(new String(body, StandardCharsets.UTF_8)) + ")";
    }

    private static String abbreviate(String s) {
        return s.length() <= 160 ? s : s.substring(0, 160) + "…";
    }
}
