package dev.mixtape.algo.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.match.TinyCatalog;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.PlayDecay;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The listening model end to end on a synthetic world of ten scenes of 20 artists (each listener in one): the matrix from histories, training, fold-in, validation, versioned files.
 */
class ListeningModelTest {
    static final Instant NOW = Instant.parse("2026-06-01T00:00:00Z");
    static final Catalog CATALOG = catalog();
    static final ListeningConfig CONFIG = ListeningConfig.defaults()
            .withAls(ImplicitAlsConfig.defaults().withFactors(8).withIterations(8).withAlpha(10).withRegularization(1).withThreads(1))
            .withValidationUsers(100);

    @TempDir
    Path dir;

    static Catalog catalog() {
        TinyCatalog t = new TinyCatalog();
        for (int a = 0; a < 200; a++) {
            t.track("song " + a + " a", 50, "Artist " + a);
            t.track("song " + a + " b", 40, "Artist " + a);
        }
        return t.build();
    }

    static int artist(int i) {
        return TinyCatalog.artist(CATALOG, "Artist " + i);
    }

    static HistoryEntry play(int artistNo, int plays) {
        int t = CATALOG.artistTracks(artist(artistNo))[0];
        return new HistoryEntry(CATALOG.trackId(t), PlayDecay.weight(plays, NOW), plays, 0, 0, 0, 0, NOW);
    }

    /** 600 imported listeners, each with 8 artists of one of ten scenes of 20 artists. */
    static ListeningMatrix world(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        ListeningMatrix.Builder b = new ListeningMatrix.Builder(CATALOG.artistCount());
        for (int u = 0; u < 600; u++) {
            int scene = u % 10 * 20;
            int[] arts = new int[8];
            for (int k = 0; k < arts.length; k++) {
                arts[k] = artist(scene + rnd.nextInt(20));
            }
            b.addImported(ListenerArtists.plain(arts));
        }
        return b.build();
    }

    @Test
    void skipsAndDislikesLowerAnArtistsValueAndLikesRaiseIt() {
        int t0 = CATALOG.artistTracks(artist(0))[0];
        int t1 = CATALOG.artistTracks(artist(1))[0];
        int t2 = CATALOG.artistTracks(artist(2))[0];
        int t3 = CATALOG.artistTracks(artist(3))[0];
        List<HistoryEntry> h = List.of(
                new HistoryEntry(CATALOG.trackId(t0), PlayDecay.weight(4, NOW), 4, 0, 0, 0, 0, NOW), // played
                new HistoryEntry(CATALOG.trackId(t1), PlayDecay.weight(4, NOW), 4, 4, 0, 0, 0, NOW), // played, often skipped
                new HistoryEntry(CATALOG.trackId(t2), PlayDecay.weight(1, NOW), 1, 0, 0, 0, 1, NOW), // disliked
                new HistoryEntry(CATALOG.trackId(t3), PlayDecay.weight(1, NOW), 1, 0, 1, 0, 0, NOW)); // liked
        ListenerArtists la = ListenerArtists.of(CATALOG, h, NOW, CONFIG);
        Map<Integer, Float> v = new java.util.HashMap<>();
        for (int i = 0; i < la.size(); i++) {
            v.put(la.artists()[i], la.values()[i]);
        }
        assertThat(v).doesNotContainKey(artist(2));
        assertThat(v.get(artist(0))).isEqualTo(1f);
        assertThat(v.get(artist(1))).isEqualTo(0.5f); // (4 − 2) / 4
        assertThat(v.get(artist(3))).isEqualTo(2f);   // liked: 1 + likeBonus
        // a year-old interest counts half (half-life 365 days)
        HistoryEntry old = new HistoryEntry(CATALOG.trackId(t0), PlayDecay.weight(4, NOW.minusSeconds(365L * 86_400)), 4, 0, 0, 0, 0,
                NOW.minusSeconds(365L * 86_400));
        assertThat(ListenerArtists.of(CATALOG, List.of(old), NOW, CONFIG).values()[0]).isCloseTo(0.5f, org.assertj.core.data.Offset.offset(1e-3f));
    }

    @Test
    void aFoldedInListenerGetsTheirScenesArtistsAndAPlayChangesTheAnswer() {
        ListeningModel m = new ListeningTrainer(CONFIG).train(CATALOG, world(1), "listening-v0001", Map.of(), ListeningTrainer.Progress.NONE).model();
        ArtistScores rock = m.scores(List.of(play(1, 5), play(2, 3), play(3, 2)), NOW);
        int[] top = rock.top(10, true);
        assertThat(top).hasSize(10);
        assertThat(java.util.Arrays.stream(top).boxed().toList()).allMatch(a -> Integer.parseInt(CATALOG.artistName(a).substring(7)) < 20);
        assertThat(rock.known(artist(1))).isTrue();
        assertThat(rock.normalised(top[0])).isEqualTo(1.0);
        // one more artist of the other scene moves that scene up: the very next fold-in sees it
        ArtistScores mixed = m.scores(List.of(play(1, 5), play(2, 3), play(3, 2), play(25, 6), play(26, 6), play(27, 6)), NOW);
        assertThat(mixed.top(10, true)).isNotEqualTo(top);
        assertThat(java.util.Arrays.stream(mixed.top(10, true)).boxed().toList()).anyMatch(a -> Integer.parseInt(CATALOG.artistName(a).substring(7)) >= 20);
        // the explanation names one of the listener's own artists
        assertThat(rock.because(top[0])).isIn(artist(1), artist(2), artist(3));
        // nothing the model knows: no scores
        assertThat(m.foldIn(ListenerArtists.EMPTY).vector()).isNull();
    }

    @Test
    void validationMeasuresTheModelAboveMostPopularOnAClusteredWorld() {
        ListeningTrainer.Result r = new ListeningTrainer(CONFIG).train(CATALOG, world(2), "v", Map.of(), ListeningTrainer.Progress.NONE);
        ListeningTrainer.Validation v = r.validation();
        assertThat(v.users()).isEqualTo(100);
        assertThat(v.recall()).isGreaterThan(v.popularityRecall());
        assertThat(r.model().info()).containsKeys("validation_recall_at_50", "train_ms", "interactions", "imported_listeners");
    }

    @Test
    void versionsAreSavedNumberedLoadedNewestFirstAndADamagedOneIsRefusedNamingTheFile() throws Exception {
        assertThat(ListeningModelFiles.nextName(dir)).isEqualTo("listening-v0001");
        ListeningTrainer trainer = new ListeningTrainer(CONFIG.withValidationUsers(0));
        ListeningModel first = trainer.train(CATALOG, world(3), ListeningModelFiles.nextName(dir), Map.of("created", NOW.toString()),
                ListeningTrainer.Progress.NONE).model();
        ListeningModelFiles.save(dir, first);
        ListeningModel second = trainer.train(CATALOG, world(4), ListeningModelFiles.nextName(dir), Map.of(), ListeningTrainer.Progress.NONE).model();
        ListeningModelFiles.save(dir, second);
        assertThat(ListeningModelFiles.versions(dir)).extracting(ListeningModelFiles.Version::name)
                .containsExactly("listening-v0002", "listening-v0001");
        ListeningModel back = ListeningModelFiles.load(dir, "listening-v0002", CATALOG);
        ArtistScores a = back.scores(List.of(play(1, 5)), NOW);
        ArtistScores b = second.scores(List.of(play(1, 5)), NOW);
        assertThat(a.top(5, true)).isEqualTo(b.top(5, true));
        Path model = dir.resolve("listening-v0002.cfmodel");
        byte[] bytes = Files.readAllBytes(model);
        bytes[bytes.length / 2] ^= 0x5A;
        Files.write(model, bytes);
        assertThatThrownBy(() -> ListeningModelFiles.load(dir, "listening-v0002", CATALOG)).hasMessageContaining("listening-v0002.cfmodel");
        ListeningModelFiles.prune(dir, 1, "listening-v0001");
        assertThat(ListeningModelFiles.versions(dir)).extracting(ListeningModelFiles.Version::name).containsExactly("listening-v0002", "listening-v0001");
        ListeningModelFiles.prune(dir, 1, "listening-v0002");
        assertThat(ListeningModelFiles.versions(dir)).extracting(ListeningModelFiles.Version::name).containsExactly("listening-v0002");
    }
}
