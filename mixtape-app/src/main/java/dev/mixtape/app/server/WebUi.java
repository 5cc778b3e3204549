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
        });
        cfg.staticFiles.enableWebjars();
    }
}
