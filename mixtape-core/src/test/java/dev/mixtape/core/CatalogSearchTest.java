package dev.mixtape.core;

import static dev.mixtape.core.TestTracks.track;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CatalogSearchTest {
    private static final Catalog CATALOG = new CatalogBuilder()
            .add(track("t0", "Halo", "Beyoncé", "I Am... Sasha Fierce", 80, "pop"))
            .add(track("t1", "Get Lucky", "Daft Punk;Pharrell Williams", "Random Access Memories", 85, "french house"))
            .add(track("t2", "One More Time", "Daft Punk", "Discovery", 75, "french house"))
            .add(track("t3", "Harder Better Faster Stronger", "Daft Punk", "Discovery", 70, "french house"))
            .add(track("t4", "Hoppípolla", "Sigur Rós", "Takk...", 60, "post-rock"))
            .add(track("t5", "Halo Theme", "Someone Else", "Games", 90, "soundtrack"))
            .add(track("t6", "Halo", "Cover Band", "Covers", 10, "pop"))
            .add(track("t7", "Daftness", "Nobody", "Nothing", 5, "pop"))
            .build();

    private static List<String> ids(CatalogSearch.Page page) {
        return Arrays.stream(page.items()).mapToObj(CATALOG::trackId).toList();
    }

    private static List<String> search(String q) {
        return ids(CATALOG.search().tracks(SearchQuery.parse(q), 0, 50));
    }

    @Test
    void ignoresCaseAndAccents() {
        assertThat(search("HOPPIPOLLA")).containsExactly("t4");
        assertThat(search("sigur ros")).containsExactly("t4");
        assertThat(search("Sigur Rós")).containsExactly("t4");
        assertThat(search("beyonce")).containsExactly("t0");
    }

    @Test
    void lastWordMatchesAsPrefixOthersWholeWords() {
        assertThat(search("daft pun")).containsExactlyInAnyOrder("t1", "t2", "t3");
        assertThat(search("daf punk")).isEmpty();
        assertThat(search("daft")).containsExactlyInAnyOrder("t1", "t2", "t3", "t7");
        assertThat(search("hopp")).containsExactly("t4");
    }

    @Test
    void everyWordMustMatch() {
        assertThat(search("daft lucky")).containsExactly("t1");
        assertThat(search("daft halo")).isEmpty();
    }

    @Test
    void artistAndAlbumWordsFindTheirTracks() {
        assertThat(search("discovery")).containsExactlyInAnyOrder("t2", "t3");
        assertThat(search("random access")).containsExactly("t1");
        assertThat(search("pharrell")).containsExactly("t1");
        assertThat(search("discovery harder")).containsExactly("t3");
    }

    @Test
    void exactNameFirstThenPopularity() {
        // "Halo" exactly (80, 10), then "Halo Theme" (90) despite its higher popularity
        assertThat(search("halo")).containsExactly("t0", "t6", "t5");
        assertThat(search("daft punk")).containsExactly("t1", "t2", "t3");
    }

    @Test
    void pagesWithOffsetLimitAndTotal() {
        SearchQuery q = SearchQuery.parse("halo");
        CatalogSearch.Page first = CATALOG.search().tracks(q, 0, 2);
        assertThat(first.total()).isEqualTo(3);
        assertThat(ids(first)).containsExactly("t0", "t6");
        CatalogSearch.Page second = CATALOG.search().tracks(q, 2, 2);
        assertThat(second.total()).isEqualTo(3);
        assertThat(ids(second)).containsExactly("t5");
        CatalogSearch.Page past = CATALOG.search().tracks(q, 10, 2);
        assertThat(past.total()).isEqualTo(3);
        assertThat(past.items()).isEmpty();
        assertThat(CATALOG.search().tracks(q, 0, 0).items()).isEmpty();
    }

    @Test
    void fieldFilters() {
        assertThat(search("artist:\"daft punk\"")).containsExactly("t1", "t2", "t3");
        assertThat(search("artist:daft one")).containsExactly("t2");
        assertThat(search("track:halo")).containsExactly("t0", "t6", "t5");
        assertThat(search("track:halo artist:beyonce")).containsExactly("t0");
        assertThat(search("album:discovery")).containsExactlyInAnyOrder("t2", "t3");
        assertThat(search("album:discovery artist:pharrell")).isEmpty();
        assertThat(search("genre:pop")).containsExactlyInAnyOrder("t0", "t6", "t7");
        assertThat(search("genre:\"French House\" lucky")).containsExactly("t1");
        assertThat(search("genre:post-rock")).containsExactly("t4");
        assertThat(search("genre:nonexistent")).isEmpty();
        // "track:" matches names only, not artists
        assertThat(search("track:daft")).containsExactly("t7");
    }

    @Test
    void ignoredFiltersDoNotNarrow() {
        assertThat(search("year:2013 lucky")).containsExactly("t1");
    }

    @Test
    void artistSearch() {
        CatalogSearch s = CATALOG.search();
        int[] daft = s.artists(SearchQuery.parse("daft"), 0, 10).items();
        assertThat(daft).hasSize(1);
        assertThat(CATALOG.artistName(daft[0])).isEqualTo("Daft Punk");
        assertThat(s.artists(SearchQuery.parse("sigur ro"), 0, 10).items())
                .containsExactly(CATALOG.artistIndexOf(TestTracks.artistId("Sigur Rós")));
        assertThat(s.artists(SearchQuery.parse("artist:beyonce"), 0, 10).items())
                .containsExactly(CATALOG.artistIndexOf(TestTracks.artistId("Beyoncé")));
        assertThat(s.artists(SearchQuery.parse("daft track:lucky"), 0, 10).total()).isZero();
        assertThat(Arrays.stream(s.artists(SearchQuery.parse("genre:pop"), 0, 10).items()).mapToObj(CATALOG::artistName))
                .containsExactlyInAnyOrder("Beyoncé", "Cover Band", "Nobody");
        assertThat(s.artists(SearchQuery.parse("lucky"), 0, 10).total()).isZero();
    }

    /** Oracle: the indexed search against a naive scan over random names, with a logged seed. */
    @Test
    void matchesNaiveScan() {
        long seed = new Random().nextLong();
        System.out.println("CatalogSearchTest.matchesNaiveScan seed=" + seed);
        Random rnd = new Random(seed);
        String[] vocab = {"love", "lover", "lovely", "night", "nights", "blue", "blues", "é", "rose", "rosé", "fire", "fly"};
        CatalogBuilder b = new CatalogBuilder();
        for (int i = 0; i < 200; i++) {
            b.add(track("t" + i, words(rnd, vocab, 1 + rnd.nextInt(3)), words(rnd, vocab, 1 + rnd.nextInt(2)),
                    words(rnd, vocab, 1 + rnd.nextInt(2)), rnd.nextInt(101), "g" + rnd.nextInt(3)));
        }
        Catalog c = b.build();
        for (int k = 0; k < 300; k++) {
            String q = words(rnd, vocab, 1 + rnd.nextInt(2));
            if (rnd.nextBoolean()) {
                String w = vocab[rnd.nextInt(vocab.length)];
                q = q + " " + w.substring(0, 1 + rnd.nextInt(w.length()));
            }
            SearchQuery sq = SearchQuery.parse(q);
            List<Integer> naive = new ArrayList<>();
            for (int t = 0; t < c.size(); t++) {
                if (naiveMatch(c, t, sq.words())) {
                    naive.add(t);
                }
            }
            CatalogSearch.Page page = c.search().tracks(sq, 0, 1000);
            assertThat(page.total()).as("query '%s' (seed %d)", q, seed).isEqualTo(naive.size());
            assertThat(page.items()).as("query '%s' (seed %d)", q, seed).containsExactlyInAnyOrder(TestTracks.ints(naive));
            String exact = String.join(" ", sq.words());
            for (int i = 1; i < page.items().length; i++) {
                int prev = page.items()[i - 1];
                int cur = page.items()[i];
                double sp = (TextNormalizer.fold(c.trackName(prev)).equals(exact) ? 1000 : 0) + c.popularity(prev);
                double sc = (TextNormalizer.fold(c.trackName(cur)).equals(exact) ? 1000 : 0) + c.popularity(cur);
                assertThat(sp > sc || (sp == sc && prev < cur)).as("order of '%s' at %d (seed %d)", q, i, seed).isTrue();
            }
        }
    }

    private static boolean naiveMatch(Catalog c, int t, List<String> words) {
        for (int k = 0; k < words.size(); k++) {
            boolean prefix = k == words.size() - 1;
            String w = words.get(k);
            List<String> texts = new ArrayList<>();
            texts.add(c.trackName(t));
            texts.add(c.albumName(c.trackAlbum(t)));
            for (int a : c.trackArtists(t)) {
                texts.add(c.artistName(a));
            }
            boolean any = false;
            for (String text : texts) {
                for (String tok : TextNormalizer.tokens(text)) {
                    any |= prefix ? tok.startsWith(w) : tok.equals(w);
                }
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static String words(Random rnd, String[] vocab, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i == 0 ? "" : " ").append(vocab[rnd.nextInt(vocab.length)]);
        }
        return sb.toString();
    }
}
