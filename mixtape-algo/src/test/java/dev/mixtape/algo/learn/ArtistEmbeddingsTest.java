package dev.mixtape.algo.learn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.cf.ImplicitAlsConfig;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.Scenes;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Artist embeddings on a synthetic world of two tastes: 30 rock and 30 jazz artists that listeners play (each listener
 * keeps to one taste), and unplayed artists described only by their genres, their sound or their tags.
 */
class ArtistEmbeddingsTest {
    static final int PLAYED = 30;

    @TempDir
    Path dir;

    /** Artists 0–29 rock, 30–59 jazz (played); 60 rock, 61 jazz (unplayed); 62 and 63 filed "pop", tagged rock / jazz. */
    static Catalog catalog() {
        CatalogBuilder b = new CatalogBuilder();
        int next = 0;
        for (int a = 0; a < 2 * PLAYED + 4; a++) {
            boolean rock = a < PLAYED || a == 60 || a == 62;
            String genre = a >= 62 ? "pop" : rock ? "rock" : "jazz";
            // rock is loud and energetic, jazz quiet and acoustic: the sound tells them apart too
            AudioFeatures f = rock ? new AudioFeatures(0.5, 0.9, 0.5, 0.0, 0.1, 0.05, 0.05, 5, 1, -5, 130, 4)
                    : new AudioFeatures(0.5, 0.3, 0.5, 0.3, 0.1, 0.05, 0.8, 5, 1, -14, 100, 4);
            for (int t = 0; t < 3; t++) {
                b.add(new Track("t" + next++, "song " + a + "-" + t, List.of(new ArtistRef("artist" + a, "Artist " + a)),
                        new AlbumRef("al" + a, "Album " + a), 200_000, false, 50, Set.of(genre), f));
            }
        }
        return b.build();
    }

    static final Catalog CATALOG = catalog();
    static final FeatureSpace SPACE = new FeatureSpace(CATALOG);
    static final Scenes SCENES = new Scenes(CATALOG);

    static int artist(int no) {
        return CATALOG.artistIndexOf("artist" + no);
    }

    static ListeningModel model() {
        SplittableRandom rnd = new SplittableRandom(7);
        ListeningMatrix.Builder m = new ListeningMatrix.Builder(CATALOG.artistCount());
        for (int u = 0; u < 400; u++) {
            int base = u % 2 == 0 ? 0 : PLAYED;
            int[] arts = new int[6];
            for (int k = 0; k < arts.length; k++) {
                arts[k] = artist(base + rnd.nextInt(PLAYED));
            }
            m.addImported(ListenerArtists.plain(Arrays.stream(arts).distinct().toArray()));
        }
        ListeningConfig config = ListeningConfig.defaults()
                .withAls(ImplicitAlsConfig.defaults().withFactors(8).withIterations(10).withAlpha(10).withRegularization(1).withThreads(1))
                .withValidationUsers(0);
        return new ListeningTrainer(config).train(CATALOG, m.build(), "listening-v0001", Map.of(), ListeningTrainer.Progress.NONE).model();
    }

    static final ListeningModel MODEL = model();

    static ArtistTags tags() {
        int[][] by = new int[CATALOG.artistCount()][];
        for (int a = 0; a < PLAYED; a++) {
            by[artist(a)] = new int[] {0, 2};
            by[artist(PLAYED + a)] = new int[] {1, 2};
        }
        by[artist(62)] = new int[] {0};
        by[artist(63)] = new int[] {1};
        return new ArtistTags(by, new String[] {"guitars", "smooth", "seen live"});
    }

    static boolean rock(int artistIndex) {
        int no = Integer.parseInt(CATALOG.artistId(artistIndex).substring("artist".length()));
        return no < PLAYED;
    }

    @Test
    void anArtistNoListenerPlayedSitsAmongThePlayedArtistsOfItsGenreAndSound() {
        ArtistEmbeddings e = ArtistEmbeddings.fit(CATALOG, SPACE, SCENES, MODEL, null, a -> false);
        for (int cold : new int[] {artist(60), artist(61)}) {
            assertThat(e.learned(cold)).isFalse();
            assertThat(e.placed(cold)).isTrue();
            int[] near = e.nearest(cold, 10);
            assertThat(near).hasSize(10);
            boolean wantRock = cold == artist(60);
            assertThat(Arrays.stream(near).allMatch(a -> rock(a) == wantRock)).as(CATALOG.artistName(cold)).isTrue();
        }
        // a played artist keeps to its own taste, and only artists the model knows are offered
        int[] near = e.nearest(artist(3), 10);
        assertThat(Arrays.stream(near).allMatch(ArtistEmbeddingsTest::rock)).isTrue();
        assertThat(Arrays.stream(near).allMatch(e::learned)).isTrue();
        assertThat(near).doesNotContain(artist(3));
        assertThat(e.info()).containsEntry("learned_artists", Integer.toString(2 * PLAYED)).containsKeys("validation_cosine", "penalty", "fit_ms");
        assertThat(Double.parseDouble(e.info().get("validation_cosine"))).isGreaterThan(0.5);
    }

    @Test
    void tagsPlaceAnArtistWhoseGenreSaysNothing() {
        ArtistEmbeddings e = ArtistEmbeddings.fit(CATALOG, SPACE, SCENES, MODEL, tags(), a -> false);
        int taggedRock = artist(62);
        int taggedJazz = artist(63);
        // both are filed "pop", which no played artist is, and sound like rock; their tags tell them apart
        assertThat(e.similarity(taggedJazz, artist(PLAYED + 1))).isGreaterThan(e.similarity(taggedRock, artist(PLAYED + 1)));
        assertThat(e.similarity(taggedRock, artist(1))).isGreaterThan(e.similarity(taggedJazz, artist(1)));
        assertThat(e.info()).containsEntry("tagged_artists", Integer.toString(2 * PLAYED + 2));
    }

    @Test
    void aBlindArtistIsPlacedByContentAloneAndStillLandsInItsTaste() {
        int hidden = artist(PLAYED + 4);
        ArtistEmbeddings e = ArtistEmbeddings.fit(CATALOG, SPACE, SCENES, MODEL, tags(), a -> a == hidden);
        assertThat(e.learned(hidden)).isFalse();
        assertThat(Arrays.stream(e.nearest(hidden, 10)).noneMatch(ArtistEmbeddingsTest::rock)).isTrue();
        // nearest answers are memoised per artist: a shorter list is the longer one's head
        assertThat(e.nearest(hidden, 3)).containsExactly(Arrays.copyOf(e.nearest(hidden, 10), 3));
    }

    @Test
    void anUncoveredArtistBorrowsTheNeighbourhoodsOfItsNearestCoveredArtists() {
        ArtistEmbeddings e = ArtistEmbeddings.fit(CATALOG, SPACE, SCENES, MODEL, null, a -> false);
        // the collaborative neighbours cover artists 0–9 (rock) and 30–39 (jazz), each listing the others of its taste
        java.util.function.IntPredicate covered = a -> {
            int no = Integer.parseInt(CATALOG.artistId(a).substring("artist".length()));
            return no < 10 || (no >= PLAYED && no < PLAYED + 10);
        };
        dev.mixtape.algo.content.ArtistKin known = (a, limit) -> java.util.stream.IntStream.range(0, CATALOG.artistCount())
                .filter(b -> b != a && covered.test(b) && rock(b) == rock(a)).limit(limit).toArray();
        dev.mixtape.algo.content.ArtistKin kin = dev.mixtape.algo.content.ArtistKin.borrowing(known, covered,
                a -> e.nearest(a, 50), SCENES, () -> true);
        int[] lent = kin.of(artist(61), 20); // unplayed jazz
        assertThat(lent).isNotEmpty();
        assertThat(Arrays.stream(lent).noneMatch(ArtistEmbeddingsTest::rock)).isTrue();
        assertThat(Arrays.stream(lent).allMatch(covered::test)).isTrue();
        assertThat(kin.of(artist(2), 5)).containsExactly(known.of(artist(2), 5));
    }

    @Test
    void refusesAModelOfAnotherCatalog() {
        Catalog other = catalog();
        assertThatThrownBy(() -> ArtistEmbeddings.fit(other, new FeatureSpace(other), new Scenes(other), MODEL, null, a -> false))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("catalog");
    }

    @Test
    void tagsSurviveTheirFile() throws Exception {
        ArtistTags t = tags();
        Path file = dir.resolve("tags.tsv.gz");
        t.write(file, CATALOG);
        ArtistTags.Read r = ArtistTags.read(file, CATALOG);
        assertThat(r.skipped()).isZero();
        assertThat(r.tags().taggedArtists()).isEqualTo(t.taggedArtists());
        for (int a = 0; a < CATALOG.artistCount(); a++) {
            assertThat(Arrays.stream(r.tags().of(a)).mapToObj(r.tags()::name).sorted().toList())
                    .isEqualTo(Arrays.stream(t.of(a)).mapToObj(t::name).sorted().toList());
        }
        // a file for another catalog skips the artists this one lacks
        Catalog smaller = new CatalogBuilder().add(CATALOG.track(0)).build();
        assertThat(ArtistTags.read(file, smaller).skipped()).isEqualTo(t.taggedArtists() - 1);
    }
}
