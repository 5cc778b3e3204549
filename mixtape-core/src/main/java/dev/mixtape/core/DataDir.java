package dev.mixtape.core;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the public datasets are read from, resolved the same way by the server, the command line, the benchmarks
 * and every module's tests: {@code MIXTAPE_DATA_DIR} if set, else {@code ./data} under the working directory if it
 * exists, else {@code ../shared/data} beside the checkout that holds the working directory. The checkout is the
 * nearest folder, from the working directory up, holding {@code mvnw}, so the answer is the same from the
 * repository root and from a module folder (where Maven runs that module's tests). Outside any checkout it is
 * {@code ../shared/data} from the working directory. Stateless; thread-safe.
 */
public final class DataDir {
    /** The environment variable that names the data directory. */
    public static final String ENV = "MIXTAPE_DATA_DIR";

    private DataDir() {}

    /** {@code MIXTAPE_DATA_DIR} if set and not blank, else {@link #defaultDir()}; absolute and normalised. */
    public static Path resolve() {
        return resolve(System.getenv(ENV), workingDir());
    }

    /** The directory used when {@code MIXTAPE_DATA_DIR} is not set; absolute and normalised. */
    public static Path defaultDir() {
        return defaultDir(workingDir());
    }

    static Path resolve(String env, Path workingDir) {
        if (env != null && !env.isBlank()) {
            return workingDir.resolve(env).normalize();
        }
        return defaultDir(workingDir);
    }

    static Path defaultDir(Path workingDir) {
        Path local = workingDir.resolve("data");
        if (Files.isDirectory(local)) {
            return local;
        }
        return checkoutRoot(workingDir).resolve("..").resolve("shared").resolve("data").normalize();
    }

    /** The nearest folder from {@code dir} up that holds {@code mvnw}, else {@code dir} itself. */
    static Path checkoutRoot(Path dir) {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw"))) {
                return p;
            }
        }
        return dir;
    }

    private static Path workingDir() {
        return Path.of("").toAbsolutePath().normalize();
    }
}
