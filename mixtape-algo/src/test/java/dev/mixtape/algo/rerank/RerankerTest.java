package dev.mixtape.algo.rerank;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.listener.StandardFeatures;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.CatalogBuilder;
import dev.mixtape.core.Track;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RerankerTest {
    /** Songs s0..s5 by six artists; s1 and s2 are also released a second time under another id (s1b, s2b). */
    static final Catalog CATALOG = catalog();
    final Reranker reranker = new Reranker(CATALOG, new StandardFeatures(CATALOG), new dev.mixtape.algo.content.SongKeys(CATALOG));

    static Catalog catalog() {
        CatalogBuilder b = new CatalogBuilder();
        String[][] tracks = {{"s0", "Song 0", "a0"}, {"s1", "Song 1", "a1"}, {"s1b", "Song 1", "a1"}, {"s2", "Song 2", "a2"},
            {"s2b", "song 2", "a2"}, {"s3", "Song 3", "a3"}, {"s4", "Song 4", "a4"}, {"s5", "Song 5", "a5"}};
        for (int i = 0; i < tracks.length; i++) {
            String[] t = tracks[i];
            AudioFeatures f = new AudioFeatures(0.1 * (i % 7), 0.5, 0.2 + 0.09 * i, 0.1, 0.1, 0.05, 0.3 + 0.05 * i, i % 12, 1, -6, 100 + 5 * i, 4);
            b.add(new Track(t[0], t[1], List.of(new ArtistRef(t[2], "Artist " + t[2])), new AlbumRef("al-" + t[0], "Album " + t[0]),
                    200_000, false, 50, Set.of("pop"), f));
        }
        return b.build();
    }

    static int t(String id) {
        return CATALOG.indexOf(id);
    }

    static List<Scored> candidates(String... ids) {
        List<Scored> out = new ArrayList<>();
        double score = 1.0;
        for (String id : ids) {
            out.add(new Scored(t(id), score, "test", java.util.Map.of()));
            score -= 0.05;
        }
        return out;
    }

    static List<String> ids(List<Scored> chosen) {
        return chosen.stream().map(s -> CATALOG.trackId(s.track())).toList();
    }

    @Test
    void aSongIsChosenOnceWhateverItsIds() {
        List<Scored> chosen = reranker.select(candidates("s1", "s1b", "s2b", "s2", "s3", "s4"), new ArrayList<>(), new HashSet<>(), 6,
                Filters.NONE, 1.0, 2);
        assertThat(ids(chosen)).containsExactly("s1", "s2b", "s3", "s4");
    }

    @Test
    void theSeedsSongAndWhatAnEarlierStrategyChoseAreNotRepeatedUnderAnotherId() {
        Set<Integer> taken = new HashSet<>(Set.of(t("s1"))); // the seed
        List<Scored> chosen = new ArrayList<>(reranker.select(candidates("s2"), new ArrayList<>(), taken, 4, Filters.NONE, 1.0, 2));
        reranker.select(candidates("s1b", "s2b", "s0", "s5"), chosen, taken, 4, Filters.NONE, 1.0, 2);
        assertThat(ids(chosen)).containsExactly("s2", "s0", "s5");
    }
}
