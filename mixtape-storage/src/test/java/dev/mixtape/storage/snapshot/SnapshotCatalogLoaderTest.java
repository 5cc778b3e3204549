package dev.mixtape.storage.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.Track;
import dev.mixtape.storage.importer.ProgressListener;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SnapshotCatalogLoaderTest {
    @TempDir
    Path dir;
    Database db;
    JdbcCatalogStore store;

    @BeforeEach
    void open() throws Exception {
        db = Database.open("jdbc:h2:mem:snap_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1", "sa", "");
        store = new JdbcCatalogStore(db.dataSource());
        store.upsert(SnapshotFixture.tracks(), ProgressListener.NONE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static List<Track> all(Catalog c) {
        List<Track> out = new ArrayList<>();
        for (int t = 0; t < c.size(); t++) {
            out.add(c.track(t));
        }
        return out;
    }

    @Test
    void firstLoadWritesTheSnapshotAndTheNextReadsTheSameCatalog() throws Exception {
        SnapshotCatalogLoader loader = new SnapshotCatalogLoader(store, dir);
        Path file = loader.snapshotPath();
        assertThat(file).doesNotExist();
        Catalog fromStore = loader.load();
        assertThat(file).exists();
        Catalog fromSnapshot = loader.load();
        assertThat(all(fromSnapshot)).isEqualTo(all(fromStore)).isEqualTo(all(store.load()));
    }

    @Test
    void aChangedStoreGetsANewSnapshotAndTheOldOneIsRemoved() throws Exception {
        SnapshotCatalogLoader loader = new SnapshotCatalogLoader(store, dir);
        Path first = loader.snapshotPath();
        loader.load();
        store.upsert(List.of(SnapshotFixture.renamed()), ProgressListener.NONE);
        Path second = loader.snapshotPath();
        assertThat(second).isNotEqualTo(first);
        Catalog c = loader.load();
        assertThat(c.trackName(c.indexOf(SnapshotFixture.renamed().id()))).isEqualTo(SnapshotFixture.renamed().name());
        assertThat(second).exists();
        assertThat(first).doesNotExist();
    }

    @Test
    void anUnreadableSnapshotIsIgnoredAndRewritten() throws Exception {
        SnapshotCatalogLoader loader = new SnapshotCatalogLoader(store, dir);
        Path file = loader.snapshotPath();
        Files.createDirectories(dir);
        Files.write(file, new byte[] {0, 1, 2, 3});
        Catalog c = loader.load();
        assertThat(all(c)).isEqualTo(all(store.load()));
        assertThat(Files.size(file)).isGreaterThan(4);
    }
}
