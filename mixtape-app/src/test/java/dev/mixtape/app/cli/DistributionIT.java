package dev.mixtape.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mixtape.app.TestData;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mixtape dist} end to end: the archive is built from the packaged jar ({@code target/mixtape.jar}, made by
 * {@code package} before the integration tests run), unpacked into an empty folder and started with an environment
 * that has no JDK: no {@code JAVA_HOME}, and a {@code PATH} holding only {@code sh} and {@code dirname}. The first start
 * imports the catalog and must reach {@code /health/ready}; size and start time are printed (docs/OPERATIONS.md).
 */
class DistributionIT {
    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theArchiveServesOnAMachineWithoutAJdk(@TempDir Path tmp) throws Exception {
        Path data = TestData.dataDir();
        Path jar = Path.of("target", "mixtape.jar").toAbsolutePath();
        assertThat(jar).as("the packaged application jar (run by 'mvnw verify' after package)").isRegularFile();
        Distribution.Report report = Distribution.build(jar, jar.getParent().resolve("lib"), tmp.resolve("out"), msg -> {});
        assertThat(report.archive().getFileName().toString()).isEqualTo("mixtape-" + report.version() + "-linux-x64.tar.gz");
        assertThat(report.modules()).contains("java.base", "java.sql", "java.net.http", "jdk.unsupported")
                .doesNotContain("jdk.jlink", "jdk.compiler", "java.se");

        Path unpacked = Files.createDirectories(tmp.resolve("unpacked"));
        assertThat(new ProcessBuilder("tar", "-C", unpacked.toString(), "-xzf", report.archive().toString()).inheritIO().start().waitFor()).isZero();
        Path root = unpacked.resolve("mixtape-" + report.version());
        for (String f : List.of("bin/mixtape", "runtime/bin/java", "app/mixtape.jar", "conf/mixtape.properties", "mixtape.service", "README.txt")) {
            assertThat(root.resolve(f)).as(f).exists();
        }
        assertThat(root.resolve("runtime/bin/javac")).doesNotExist();
        assertThat(root.resolve("runtime/bin/jlink")).doesNotExist();
        assertThat(Files.isExecutable(root.resolve("bin/mixtape"))).isTrue();

        // a PATH with only what the launcher script itself calls: no java, no mvn
        Path bin = Files.createDirectories(tmp.resolve("path-bin"));
        Files.createSymbolicLink(bin.resolve("sh"), Path.of("/bin/sh"));
        Files.createSymbolicLink(bin.resolve("dirname"), Path.of("/usr/bin/dirname"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProcessBuilder pb = new ProcessBuilder(root.resolve("bin/mixtape").toString(), "serve", "--port", String.valueOf(port))
                .directory(unpacked.toFile()).redirectErrorStream(true).redirectOutput(tmp.resolve("serve.log").toFile());
        pb.environment().clear();
        pb.environment().put("PATH", bin.toString());
        pb.environment().put("HOME", tmp.toString());
        pb.environment().put("MIXTAPE_HOME", tmp.resolve("home").toString());
        pb.environment().put("MIXTAPE_DATA_DIR", data.toString());
        long t0 = System.nanoTime();
        Process server = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        try {
            JsonNode ready = null;
            long deadline = t0 + TimeUnit.MINUTES.toNanos(5);
            while (System.nanoTime() < deadline && server.isAlive()) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready")).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        ready = JSON.readTree(r.body());
                        break;
                    }
                } catch (java.io.IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            long startMs = (System.nanoTime() - t0) / 1_000_000;
            assertThat(ready).as("ready within 5 minutes; the log:%n%s", Files.readString(tmp.resolve("serve.log"))).isNotNull();
            assertThat(ready.get("tracks").asInt()).isGreaterThan(80_000);
            HttpResponse<String> recs = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                    + "/v1/recommendations?seed_genres=rock&limit=5")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(recs.statusCode()).as(recs.body()).isEqualTo(200);
            assertThat(JSON.readTree(recs.body()).get("tracks")).hasSize(5);
            System.out.printf(Locale.ROOT, "dist: built in %d s; archive %.1f MB, runtime %.1f MB (%d modules), %d MB unpacked; first start to "
                    + "ready (catalog import included) %d ms%n", report.seconds(), report.bytes() / 1e6, report.runtimeBytes() / 1e6, report.modules().size(),
                    Distribution.size(root) / 1_000_000, startMs);
        } finally {
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
        }
        assertThat(server.exitValue()).as("a SIGTERM stops the server cleanly; the log:%n%s", Files.readString(tmp.resolve("serve.log")))
                .isIn(0, 143);
    }
}
