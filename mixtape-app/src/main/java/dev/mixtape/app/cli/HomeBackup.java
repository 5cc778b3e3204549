package dev.mixtape.app.cli;

import dev.mixtape.core.MixtapeException;
import dev.mixtape.core.io.AtomicFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * {@code mixtape backup} and {@code mixtape restore}: one zip file with the embedded database and everything else
 * under the home (model versions, the Last.fm import, the catalog snapshot, the configuration file).
 *
 * <ul>
 *   <li><b>Consistent while serving</b>: the H2 database is copied by H2's own {@code BACKUP TO} (a consistent copy
 *       taken inside the database, through the running server when it holds the file, {@code AUTO_SERVER}); model
 *       files are written whole and moved into place, each version's manifest last, so a copy taken during a training
 *       holds at most a version without its manifest, which is never loaded. Hidden and temporary files are left
 *       out.</li>
 *   <li><b>PostgreSQL</b> is not copied (that is {@code pg_dump}'s job); the zip then holds the home files and says
 *       so in its manifest.</li>
 *   <li><b>Restore</b> only into a stopped server's home: it refuses while the H2 lock file is there, and refuses a
 *       home that already holds a database unless forced, in which case the current state is moved aside to
 *       {@code before-restore-<time>/} first, so nothing is lost.</li>
 * </ul>
 */
final class HomeBackup {
    static final String FORMAT = "mixtape-backup/1";
    static final String MANIFEST = "backup.properties";
    static final String DB_ENTRY = "db/h2-backup.zip";
    static final String HOME_PREFIX = "home/";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private HomeBackup() {}

    record Report(Path file, boolean database, int files, long bytes) {}

    static Path mvFile(Path h2) {
        return h2.resolveSibling(h2.getFileName() + ".mv.db");
    }

    static String defaultName(Clock clock) {
        return "mixtape-backup-" + STAMP.format(clock.instant()) + ".zip";
    }

    /** Writes the backup of {@code home} (its database at {@code dbUrl}) to {@code out}. */
    static Report backup(Path home, String dbUrl, String user, String password, Path out, Clock clock) throws IOException {
        Path homeDir = home.toAbsolutePath();
        Path file = out.toAbsolutePath();
        Path h2 = dev.mixtape.storage.jdbc.Database.h2File(dbUrl);
        if (h2 != null && !Files.exists(mvFile(h2))) {
            throw new MixtapeException("no database at " + mvFile(h2) + " (nothing to back up; is --home right?)");
        }
        Path dbCopy = h2 == null ? null : databaseCopy(dbUrl, user, password);
        try {
            int[] files = {0};
            AtomicFiles.write(file, os -> files[0] = writeZip(os, homeDir, file, h2, dbUrl, dbCopy, clock));
            return new Report(file, h2 != null, files[0], Files.size(file));
        } finally {
            if (dbCopy != null) {
                Files.deleteIfExists(dbCopy);
            }
        }
    }

    /** H2's consistent copy of the database at {@code dbUrl}, in a temporary file the caller deletes. */
    private static Path databaseCopy(String dbUrl, String user, String password) throws IOException {
        Path dbCopy = Files.createTempFile("mixtape-db-backup", ".zip");
        Files.delete(dbCopy); // H2 writes the file itself
        boolean done = false;
        try (Connection c = DriverManager.getConnection(dbUrl, user == null ? "" : user, password == null ? "" : password);
             Statement st = c.createStatement()) {
            st.execute("BACKUP TO '" + dbCopy.toString().replace("'", "''") + "'");
            done = true;
            return dbCopy;
        } catch (SQLException e) {
            throw new MixtapeException("cannot back up the database " + dbUrl + ": " + e.getMessage());
        } finally {
            if (!done) {
                Files.deleteIfExists(dbCopy);
            }
        }
    }

    /**
     * Writes the zip to {@code os}: the manifest, the database copy, then the home's files; returns how many home files.
     * The temporary file being written ({@link AtomicFiles}: hidden, ending in {@code .tmp}) is left out as hidden.
     */
    private static int writeZip(OutputStream os, Path home, Path out, Path h2, String dbUrl, Path dbCopy, Clock clock)
            throws IOException {
        int files = 0;
        try (ZipOutputStream zip = new ZipOutputStream(os)) {
            Properties m = new Properties();
            m.setProperty("format", FORMAT);
            m.setProperty("created_at", clock.instant().toString());
            m.setProperty("database", h2 != null ? "h2" : dbUrl.startsWith("jdbc:postgresql:") ? "postgresql (not included: use pg_dump)"
                    : "not included");
            m.setProperty("database_file", h2 == null ? "" : h2.getFileName().toString());
            zip.putNextEntry(new ZipEntry(MANIFEST));
            m.store(zip, "mixtape backup");
            zip.closeEntry();
            if (dbCopy != null) {
                zip.setLevel(java.util.zip.Deflater.NO_COMPRESSION); // H2's backup is compressed already
                zip.putNextEntry(new ZipEntry(DB_ENTRY));
                Files.copy(dbCopy, zip);
                zip.closeEntry();
            }
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED); // model factors are floats: a slower level gains little
            Path dbDir = h2 == null ? null : h2.getParent();
            List<Path> listed;
            try (Stream<Path> walk = Files.walk(home)) {
                listed = walk.filter(Files::isRegularFile).sorted().toList();
            }
            for (Path p : listed) {
                Path rel = home.relativize(p);
                if (p.equals(out) || (dbDir != null && p.startsWith(dbDir)) || hidden(rel)
                        || rel.getName(0).toString().startsWith("before-restore-")) {
                    continue;
                }
                try (InputStream in = Files.newInputStream(p)) {
                    zip.putNextEntry(new ZipEntry(HOME_PREFIX + rel.toString().replace('\\', '/')));
                    in.transferTo(zip);
                    zip.closeEntry();
                    files++;
                } catch (NoSuchFileException gone) {
                    // removed since the listing (an old model version pruned): not part of the backup
                }
            }
        }
        return files;
    }

    private static boolean hidden(Path rel) {
        for (Path part : rel) {
            String s = part.toString();
            if (s.startsWith(".") || s.endsWith(".tmp") || s.endsWith(".lock.db") || s.endsWith(".trace.db")) {
                return true;
            }
        }
        return false;
    }

    record Restored(boolean database, int files, Path movedAside) {}

    /** Restores {@code in} into {@code home} (its database at {@code dbUrl}). */
    static Restored restore(Path in, Path home, String dbUrl, boolean force, Clock clock) throws IOException {
        home = home.toAbsolutePath();
        Properties m = manifest(in);
        Path h2 = dev.mixtape.storage.jdbc.Database.h2File(dbUrl);
        boolean hasDb = m.getProperty("database", "").equals("h2");
        if (hasDb && h2 == null) {
            throw new MixtapeException(in + " holds an embedded H2 database, but this home's database is " + dbUrl
                    + "; restore with the default database (no MIXTAPE_DB_URL)");
        }
        if (h2 != null && Files.exists(h2.resolveSibling(h2.getFileName() + ".lock.db"))) {
            throw new MixtapeException("the database " + mvFile(h2) + " is in use (" + h2.getFileName() + ".lock.db exists): stop the "
                    + "server first (a lock file left by a crash can be deleted)");
        }
        Path aside = null;
        boolean occupied = (h2 != null && Files.exists(mvFile(h2))) || nonEmpty(home.resolve("models"));
        if (occupied) {
            if (!force) {
                throw new MixtapeException(home + " already holds a database or models: restore into an empty home, or pass --force "
                        + "(the current state is then moved to " + home.resolve("before-restore-<time>") + ")");
            }
            aside = home.resolve("before-restore-" + STAMP.format(clock.instant()));
            Files.createDirectories(aside);
            try (DirectoryStream<Path> children = Files.newDirectoryStream(home)) {
                for (Path c : children) {
                    if (!c.getFileName().toString().startsWith("before-restore-")) {
                        Files.move(c, aside.resolve(c.getFileName()));
                    }
                }
            }
            if (h2 != null && !h2.startsWith(home) && Files.exists(mvFile(h2))) {
                Files.move(mvFile(h2), aside.resolve(mvFile(h2).getFileName()));
            }
        }
        int files = 0;
        Files.createDirectories(home);
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(in))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.isDirectory()) {
                    continue;
                }
                if (e.getName().equals(DB_ENTRY)) {
                    restoreDatabase(zip, h2, in);
                } else if (e.getName().startsWith(HOME_PREFIX)) {
                    Path target = inside(home, e.getName().substring(HOME_PREFIX.length()), in);
                    Files.createDirectories(target.getParent());
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    files++;
                }
            }
        }
        return new Restored(hasDb, files, aside);
    }

    /** The H2 backup's files (the {@code .mv.db}) into the configured database's folder, under the configured name. */
    private static void restoreDatabase(InputStream nested, Path h2, Path in) throws IOException {
        Files.createDirectories(h2.getParent());
        ZipInputStream db = new ZipInputStream(nested);
        boolean found = false;
        for (ZipEntry e = db.getNextEntry(); e != null; e = db.getNextEntry()) {
            if (e.getName().endsWith(".mv.db")) {
                Files.copy(db, mvFile(h2), StandardCopyOption.REPLACE_EXISTING);
                found = true;
            }
        }
        if (!found) {
            throw new MixtapeException(in + ": " + DB_ENTRY + " holds no H2 database file");
        }
    }

    private static Path inside(Path home, String name, Path in) {
        Path target = home.resolve(name).normalize();
        if (!target.startsWith(home) || target.equals(home)) {
            throw new MixtapeException(in + " has an entry outside the home: '" + name + "'; not restoring it");
        }
        return target;
    }

    private static boolean nonEmpty(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return false;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.findAny().isPresent();
        }
    }

    static Properties manifest(Path in) throws IOException {
        if (!Files.isRegularFile(in)) {
            throw new MixtapeException("no backup file " + in);
        }
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(in))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (e.getName().equals(MANIFEST)) {
                    Properties p = new Properties();
                    p.load(zip);
                    if (!FORMAT.equals(p.getProperty("format"))) {
                        throw new MixtapeException(in + " is a backup of format '" + p.getProperty("format") + "', this mixtape reads " + FORMAT);
                    }
                    return p;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new MixtapeException(in + " is not a zip file: " + e.getMessage());
        }
        throw new MixtapeException(in + " is not a mixtape backup (no " + MANIFEST + ")");
    }
}
