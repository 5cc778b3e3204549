package dev.mixtape.app.server;

import io.javalin.config.JavalinConfig;
import io.javalin.http.staticfiles.Location;

/**
 * The web UI (docs/UI.md): plain HTML, CSS and JavaScript modules from the classpath folder {@code /web},
 * served at {@code /}, and Chart.js from its WebJar under {@code /webjars/}. There is no front-end build.
 * The files are public; the API calls they make go through the same API key check as any client's.
 */
public final class WebUi {
    private WebUi() {}

    public static void configure(JavalinConfig cfg) {
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/";
            files.directory = "/web";
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "no-cache", "X-Content-Type-Options", "nosniff");
            files.skipFileFunction = WebUi::skips;
        });
        // what enableWebjars() adds, with the same skip
        cfg.staticFiles.add(files -> {
            files.hostedPath = "/webjars";
            files.directory = "META-INF/resources/webjars";
            files.location = Location.CLASSPATH;
            files.headers = java.util.Map.of("Cache-Control", "max-age=31622400");
            files.skipFileFunction = WebUi::skips;
        });
    }

    /** The browsable API page served at {@code /docs}: Swagger UI (from its WebJar) over {@code /openapi.json}. */
    static String apiPage() {
        return API_PAGE;
    }

    private static final String API_PAGE = readApiPage();

    private static String readApiPage() {
        try (java.io.InputStream in = WebUi.class.getResourceAsStream("/openapi/docs.html")) {
            if (in == null) {
                throw new IllegalStateException("openapi/docs.html is missing from the class path");
            }
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Whether a file handler skips {@code req}: API requests are routed, never looked up as files. */
    private static Boolean skips(jakarta.servlet.http.HttpServletRequest req) {
        return isApi(req.getRequestURI());
    }

    /**
     * Whether a request path belongs to the API, where no file is looked up: Javalin asks its file handlers before
     * routing, and a class-path lookup per API request cost a fifth of {@code /v1/recommendations} throughput
     * (bench http: 4,773 requests/s with the lookup, 6,115 without, BENCHMARKS §2).
     */
    static boolean isApi(String path) {
        return path.startsWith("/v1/") || path.startsWith("/api/") || path.startsWith("/health/") || path.equals("/metrics");
    }
}
