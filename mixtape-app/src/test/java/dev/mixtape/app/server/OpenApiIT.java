package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.FullCatalogServer;
import dev.mixtape.app.MixtapeApp;
import dev.mixtape.app.OpenApiContract;
import dev.mixtape.app.TestHttp;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The OpenAPI document against the running server: it lists exactly the routes the server registers, it is served
 * at {@code /openapi.json} and browsable at {@code /docs}, and a third-party validator ({@code @redocly/cli lint},
 * from the npm registry; {@code .ci/run} installs it) finds no problem in it.
 */
class OpenApiIT {
    /** Where {@code .ci/run} installs the validator: {@code npm install --prefix .tools/openapi @redocly/cli@VERSION}. */
    static final Path REDOCLY = Path.of("..", ".tools", "openapi", "node_modules", ".bin", "redocly").toAbsolutePath().normalize();
    static MixtapeApp app;

    @BeforeAll
    static void start() throws Exception {
        app = FullCatalogServer.get();
    }

    @Test
    void documentsExactlyTheRoutesTheServerRegisters() {
        List<String> routes = app.routes();
        List<String> documented = OpenApiContract.get().operations();
        assertThat(routes).as("routes registered in Javalin but missing from the OpenAPI document")
                .allSatisfy(r -> assertThat(documented).contains(r));
        assertThat(documented).as("operations in the OpenAPI document that the server does not register")
                .allSatisfy(d -> assertThat(routes).contains(d));
        assertThat(routes).hasSizeGreaterThan(40);
    }

    @Test
    void isServedAndBrowsable() throws Exception {
        HttpResponse<String> doc = TestHttp.call(app, "GET", "/openapi.json", null);
        assertThat(doc.statusCode()).isEqualTo(200);
        assertThat(new ObjectMapper().readTree(doc.body())).isEqualTo(OpenApiDocument.get().tree());
        HttpResponse<String> page = TestHttp.call(app, "GET", "/docs", null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("/openapi.json");
        // the page's scripts and styles come from the Swagger UI WebJar: each one it names is served
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:src|href)=\"(/webjars/[^\"]+)\"").matcher(page.body());
        int assets = 0;
        while (m.find()) {
            HttpResponse<String> asset = TestHttp.unchecked(app, "GET", m.group(1), null);
            assertThat(asset.statusCode()).as(m.group(1)).isEqualTo(200);
            assets++;
        }
        assertThat(assets).isEqualTo(2);
    }

    @Test
    void aThirdPartyValidatorFindsNoProblem() throws Exception {
        if (!Files.isExecutable(REDOCLY)) {
            String msg = "the OpenAPI validator is not installed at " + REDOCLY + "; install it with "
                    + "'npm install --prefix .tools/openapi @redocly/cli@" + redoclyVersion() + "' (as .ci/run does)";
            if ("true".equals(System.getenv("CI"))) {
                throw new IllegalStateException(msg);
            }
            Assumptions.assumeTrue(false, msg);
        }
        Path file = Path.of("target", "openapi.json").toAbsolutePath();
        Files.createDirectories(file.getParent());
        Files.write(file, OpenApiDocument.get().json());
        List<String> cmd = new ArrayList<>(List.of(REDOCLY.toString(), "lint", "--format=stylish", file.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        // no telemetry or update check: this machine's network is closed, and a lint needs neither
        pb.environment().put("REDOCLY_TELEMETRY", "off");
        pb.environment().put("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true");
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("redocly lint finished").isTrue();
        System.out.println(out);
        assertThat(p.exitValue()).as(out).isZero();
        assertThat(out).as("redocly lint's verdict").contains("Your API description is valid")
                .doesNotContainPattern("You have \\d+ warnings?");
    }

    /** The validator version .ci/run installs (one place: {@code .ci/openapi-validator}). */
    static String redoclyVersion() throws java.io.IOException {
        return Files.readString(Path.of("..", ".ci", "openapi-validator")).strip();
    }
}
