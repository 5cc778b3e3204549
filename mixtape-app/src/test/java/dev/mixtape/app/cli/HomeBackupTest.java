package dev.mixtape.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.core.MixtapeException;
import dev.mixtape.core.listener.EventKeys;
import dev.mixtape.core.listener.EventType;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcListenerStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HomeBackupTest {
    static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    @TempDir
    Path tmp;

    static long events(Database db, String user) throws Exception {
        try (Connection c = db.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM listening_events WHERE user_id = ?")) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void aBackupTakenWhileWritesGoOnRestoresAConsistentDatabaseAndTheModels() throws Exception {
        Path home = tmp.resolve("home");
        Files.createDirectories(home.resolve("models"));
        Files.writeString(home.resolve("models/listening-v0001.properties"), "version=listening-v0001\n");
        Files.write(home.resolve("models/listening-v0001.cfmodel"), new byte[] {1, 2, 3, 4});
        Files.writeString(home.resolve("models/.listening-v0002.cfmodel.123.tmp"), "half written");
        Files.writeString(home.resolve("mixtape.properties"), "port=8099\n");
        String url = Database.h2Url(home);
        Path out = tmp.resolve("backups/b.zip");
        AtomicInteger written = new AtomicInteger();
        HomeBackup.Report report;
        try (Database serving = Database.open(url, "", "")) {
            JdbcListenerStore store = new JdbcListenerStore(serving.dataSource());
            store.createUser("u", NOW);
            AtomicBoolean stop = new AtomicBoolean();
            Thread writer = new Thread(() -> {
                // the server keeps acknowledging events while the backup runs
                for (int i = 0; !stop.get(); i++) {
                    List<ListeningEvent> batch = List.of(new ListeningEvent("u", "t" + (i % 50), EventType.PLAY, NOW.plusSeconds(i), 200_000,
                            null, EventKeys.of("u", "e" + i)));
                    store.append(batch, new double[] {1}, NOW);
                    written.incrementAndGet();
                }
            });
            writer.start();
            while (written.get() < 200) {
                Thread.sleep(5);
            }
            report = HomeBackup.backup(home, url, "", "", out, CLOCK);
            stop.set(true);
            writer.join();
        }
        assertThat(report.database()).isTrue();
        assertThat(report.files()).isEqualTo(3); // two model files and the configuration; the temporary file is left out
        assertThat(HomeBackup.manifest(out).getProperty("created_at")).isEqualTo(NOW.toString());

        Path restored = tmp.resolve("restored");
        HomeBackup.Restored r = HomeBackup.restore(out, restored, Database.h2Url(restored), false, CLOCK);
        assertThat(r.database()).isTrue();
        assertThat(r.movedAside()).isNull();
        assertThat(Files.readAllBytes(restored.resolve("models/listening-v0001.cfmodel"))).containsExactly(1, 2, 3, 4);
        assertThat(restored.resolve("mixtape.properties")).hasContent("port=8099\n");
        assertThat(restored.resolve("models/.listening-v0002.cfmodel.123.tmp")).doesNotExist();
        try (Database db = Database.open(Database.h2Url(restored), "", "")) {
            long rows = events(db, "u");
            // consistent: the listener's counter and its event rows agree, at some point during the writes
            assertThat(new JdbcListenerStore(db.dataSource()).user("u")).get().satisfies(l -> assertThat(l.eventCount()).isEqualTo(rows));
            assertThat(rows).isBetween(200L, (long) written.get());
        }

        // over a home that holds a database: refused, unless forced, and then nothing is lost
        assertThatThrownBy(() -> HomeBackup.restore(out, restored, Database.h2Url(restored), false, CLOCK))
                .isInstanceOf(MixtapeException.class).hasMessageContaining("already holds a database").hasMessageContaining("--force");
        Files.writeString(restored.resolve("models/listening-v0009.properties"), "newer\n");
        HomeBackup.Restored again = HomeBackup.restore(out, restored, Database.h2Url(restored), true, CLOCK);
        assertThat(again.movedAside()).isEqualTo(restored.resolve("before-restore-20261207-120000"));
        assertThat(again.movedAside().resolve("models/listening-v0009.properties")).hasContent("newer\n");
        assertThat(again.movedAside().resolve("db/mixtape.mv.db")).exists();
        assertThat(restored.resolve("models/listening-v0009.properties")).doesNotExist();
        assertThat(restored.resolve("db/mixtape.mv.db")).exists();
    }

    @Test
    void badBackupsAndHomesAreRefusedWithTheReason() throws Exception {
        Path home = tmp.resolve("empty");
        assertThatThrownBy(() -> HomeBackup.backup(home, Database.h2Url(home), "", "", tmp.resolve("x.zip"), CLOCK))
                .isInstanceOf(MixtapeException.class).hasMessageContaining("no database at");
        assertThatThrownBy(() -> HomeBackup.restore(tmp.resolve("missing.zip"), home, Database.h2Url(home), false, CLOCK))
                .hasMessageContaining("no backup file");
        Path notZip = Files.writeString(tmp.resolve("not.zip"), "hello");
        assertThatThrownBy(() -> HomeBackup.restore(notZip, home, Database.h2Url(home), false, CLOCK))
                .hasMessageContaining("not a mixtape backup");
        Path evil = tmp.resolve("evil.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(evil))) {
            z.putNextEntry(new ZipEntry(HomeBackup.MANIFEST));
            z.write(("format=" + HomeBackup.FORMAT + "\ndatabase=not included\n").getBytes());
            z.closeEntry();
            z.putNextEntry(new ZipEntry("home/../../outside.txt"));
            z.write("x".getBytes());
            z.closeEntry();
        }
        assertThatThrownBy(() -> HomeBackup.restore(evil, home, Database.h2Url(home), false, CLOCK))
                .hasMessageContaining("outside the home");
        assertThat(tmp.resolve("outside.txt")).doesNotExist();
        // a running server's database is not restored over
        Path busy = tmp.resolve("busy");
        try (Database ignored = Database.open(Database.h2Url(busy), "", "")) {
            Path backup = tmp.resolve("busy.zip");
            HomeBackup.backup(busy, Database.h2Url(busy), "", "", backup, CLOCK);
            assertThatThrownBy(() -> HomeBackup.restore(backup, busy, Database.h2Url(busy), true, CLOCK))
                    .hasMessageContaining("is in use").hasMessageContaining("stop the server first");
        }
    }
}
