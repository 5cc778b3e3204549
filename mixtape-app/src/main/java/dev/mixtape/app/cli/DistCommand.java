package dev.mixtape.app.cli;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "dist", mixinStandardHelpOptions = true,
        description = {"Build the self-contained server distribution mixtape-<version>-linux-x64.tar.gz: a Java runtime",
            "linked with jlink (only the modules mixtape needs), the application, the launcher bin/mixtape, an example",
            "configuration and a systemd unit. Unpack it anywhere and run bin/mixtape serve: no JDK, no Maven.",
            "Needs a JDK (jdeps, jlink), as ./mixtape has. See docs/OPERATIONS.md#distribution.",
            "Example: ./mixtape dist --out /tmp"})
final class DistCommand implements Callable<Integer> {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = ".", description = "Where to write the archive (default: here).")
    Path out;

    @Option(names = "--jar", paramLabel = "FILE", description = "The application jar (default: the one running; its libraries are in lib/ beside it).")
    Path jar;

    @Override
    public Integer call() throws Exception {
        Path appJar = jar != null ? jar : Distribution.ownJar();
        if (appJar == null) {
            System.err.println("mixtape dist: not running from the application jar; pass --jar mixtape-app/target/mixtape.jar");
            return 2;
        }
        Path lib = appJar.toAbsolutePath().getParent().resolve("lib");
        Distribution.Report r = Distribution.build(appJar, lib, out, msg -> System.out.println("dist: " + msg));
        System.out.printf(Locale.ROOT, "Wrote %s (%.1f MB; runtime %.1f MB unpacked, %d modules) in %d s%n", r.archive(),
                r.bytes() / 1e6, r.runtimeBytes() / 1e6, r.modules().size(), r.seconds());
        System.out.println("Install: tar xzf " + r.archive().getFileName() + " && mixtape-" + r.version() + "/bin/mixtape serve"
                + " (set MIXTAPE_DATA_DIR to the folder holding spotify-tracks-114k/)");
        return 0;
    }
}
