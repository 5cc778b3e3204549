package dev.mixtape.app.cli;

import dev.mixtape.core.MixtapeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.jar.JarFile;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/**
 * Builds the self-contained server distribution {@code mixtape-<version>-linux-x64.tar.gz} (docs/OPERATIONS.md#distribution):
 * a Java runtime made by jlink with only the modules the application needs (found by jdeps, plus the few it loads by
 * name), the application jar and its libraries, the launcher {@code bin/mixtape}, an example configuration and a
 * systemd unit. Needs a JDK (jdeps and jlink); the runtime it makes has neither.
 */
final class Distribution {
    /** Modules loaded by name or through a service at run time, which jdeps cannot see in the byte code. */
    static final List<String> EXTRA_MODULES = List.of("jdk.crypto.ec", "jdk.zipfs", "jdk.charsets",
            "jdk.naming.dns", "jdk.net");
    /** The files under the class-path folder {@code /dist} copied into the archive ({@code bin/} ones executable). */
    private static final List<String> FILES = List.of("bin/mixtape", "conf/mixtape.properties", "mixtape.service", "README.txt");

    /** What {@link #build} made. */
    record Report(Path archive, long bytes, String version, List<String> modules, long runtimeBytes, long seconds) {}

    private Distribution() {}

    /**
     * Builds the archive into {@code outDir} from {@code appJar} and the libraries in {@code libDir} (as
     * {@code mvnw package} leaves them in {@code mixtape-app/target}).
     */
    static Report build(Path appJar, Path libDir, Path outDir, Consumer<String> progress) throws IOException {
        long t0 = System.nanoTime();
        if (!Files.isRegularFile(appJar)) {
            throw new MixtapeException("no application jar at " + appJar + "; build it first ('./mvnw -pl mixtape-app -am package')");
        }
        if (!Files.isDirectory(libDir)) {
            throw new MixtapeException("no library folder at " + libDir + " beside the application jar");
        }
        ToolProvider jdeps = tool("jdeps");
        ToolProvider jlink = tool("jlink");
        String version = version(appJar);
        List<Path> libs;
        try (Stream<Path> s = Files.list(libDir)) {
            libs = s.filter(p -> p.getFileName().toString().endsWith(".jar")).sorted().toList();
        }
        progress.accept("finding the modules the application needs (jdeps, " + (libs.size() + 1) + " jars)...");
        String feature = String.valueOf(Runtime.version().feature());
        String found = run(jdeps, "--print-module-deps", "--ignore-missing-deps", "--multi-release", feature, "-recursive",
                // the jars one by one: a class-path wildcard is expanded by the jdeps launcher, not by the tool itself
                "--class-path", String.join(java.io.File.pathSeparator, libs.stream().map(p -> p.toAbsolutePath().toString()).toList()),
                appJar.toAbsolutePath().toString()).strip();
        TreeSet<String> modules = new TreeSet<>(List.of(found.split(",")));
        for (String m : EXTRA_MODULES) {
            if (ModuleFinder.ofSystem().find(m).isPresent()) {
                modules.add(m);
            }
        }
        Files.createDirectories(outDir);
        String name = "mixtape-" + version;
        Path stage = Files.createTempDirectory(outDir.toAbsolutePath(), ".dist-");
        try {
            Path root = stage.resolve(name);
            progress.accept("linking a runtime of " + modules.size() + " modules (jlink): " + String.join(",", modules));
            run(jlink, "--add-modules", String.join(",", modules), "--strip-debug", "--no-man-pages", "--no-header-files",
                    "--compress=zip-6", "--generate-cds-archive", "--output", root.resolve("runtime").toString());
            long runtimeBytes = size(root.resolve("runtime"));
            progress.accept("copying the application and " + libs.size() + " libraries...");
            Path app = Files.createDirectories(root.resolve("app/lib"));
            Files.copy(appJar, root.resolve("app/mixtape.jar"));
            for (Path lib : libs) {
                Files.copy(lib, app.resolve(lib.getFileName()));
            }
            for (String file : FILES) {
                Path to = root.resolve(file);
                Files.createDirectories(to.getParent());
                Files.writeString(to, resource(file).replace("@VERSION@", version));
                if (file.startsWith("bin/")) {
                    Files.setPosixFilePermissions(to, PosixFilePermissions.fromString("rwxr-xr-x"));
                }
            }
            Path archive = outDir.resolve(name + "-linux-x64.tar.gz").toAbsolutePath();
            progress.accept("writing " + archive + "...");
            Files.deleteIfExists(archive);
            tar(stage, name, archive);
            return new Report(archive, Files.size(archive), version, List.copyOf(modules), runtimeBytes,
                    (System.nanoTime() - t0) / 1_000_000_000L);
        } finally {
            delete(stage);
        }
    }

    /** The application jar this code runs from, when it runs from one (else null: a build's class folder). */
    static Path ownJar() {
        try {
            Path p = Path.of(Distribution.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isRegularFile(p) ? p : null;
        } catch (java.net.URISyntaxException | SecurityException e) {
            return null;
        }
    }

    private static ToolProvider tool(String name) {
        return ToolProvider.findFirst(name).orElseThrow(() -> new MixtapeException("'mixtape dist' needs a JDK with " + name
                + " (this runtime, " + System.getProperty("java.home") + ", has none): run it from a checkout with ./mixtape dist"));
    }

    private static String run(ToolProvider tool, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int rc;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8); PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            rc = tool.run(o, e, args);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (rc != 0) {
            throw new MixtapeException(tool.name() + " failed (exit " + rc + "): " + (err.toString(StandardCharsets.UTF_8) + stdout).strip());
        }
        return stdout;
    }

    /** The version in the jar's manifest ({@code Implementation-Version}). */
    static String version(Path appJar) throws IOException {
        try (JarFile jar = new JarFile(appJar.toFile())) {
            String v = jar.getManifest() == null ? null : jar.getManifest().getMainAttributes().getValue("Implementation-Version");
            if (v == null || v.isBlank()) {
                throw new MixtapeException(appJar + " has no Implementation-Version in its manifest; is it mixtape's jar?");
            }
            return v;
        }
    }

    private static String resource(String file) throws IOException {
        try (InputStream in = Distribution.class.getResourceAsStream("/dist/" + file)) {
            if (in == null) {
                throw new MixtapeException("dist/" + file + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** {@code tar czf} (it keeps the launcher's mode and the runtime's file modes, which a zip would lose). */
    private static void tar(Path dir, String name, Path archive) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("tar", "-C", dir.toString(), "-czf", archive.toString(), name));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (p.waitFor() != 0) {
                throw new MixtapeException("tar failed: " + out.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroy();
            throw new MixtapeException("interrupted while writing " + archive);
        }
    }

    static long size(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
