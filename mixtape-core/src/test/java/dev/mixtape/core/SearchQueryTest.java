package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SearchQueryTest {

    @Test
    void freeWordsAreFolded() {
        SearchQuery q = SearchQuery.parse("  Beyoncé   HALO ");
        assertThat(q.words()).containsExactly("beyonce", "halo");
        assertThat(q.artist()).isEmpty();
        assertThat(q.track()).isEmpty();
        assertThat(q.album()).isEmpty();
        assertThat(q.genre()).isNull();
        assertThat(q.ignored()).isEmpty();
    }

    @Test
    void quotedFieldFilters() {
        SearchQuery q = SearchQuery.parse("artist:\"Daft Punk\" track:lucky album:\"Random Access\" more");
        assertThat(q.artist()).containsExactly("daft", "punk");
        assertThat(q.track()).containsExactly("lucky");
        assertThat(q.album()).containsExactly("random", "access");
        assertThat(q.words()).containsExactly("more");
    }

    @Test
    void unquotedFieldTakesOneWord() {
        SearchQuery q = SearchQuery.parse("artist:daft punk");
        assertThat(q.artist()).containsExactly("daft");
        assertThat(q.words()).containsExactly("punk");
    }

    @Test
    void fieldNamesIgnoreCase() {
        assertThat(SearchQuery.parse("ARTIST:Sigur").artist()).containsExactly("sigur");
    }

    @Test
    void genreIsOneFoldedValue() {
        assertThat(SearchQuery.parse("genre:Hip-Hop").genre()).isEqualTo("hip hop");
        assertThat(SearchQuery.parse("genre:\"French House\" one").genre()).isEqualTo("french house");
    }

    @Test
    void quotedFreePhraseBecomesWords() {
        assertThat(SearchQuery.parse("\"get lucky\"").words()).containsExactly("get", "lucky");
    }

    @Test
    void unterminatedQuoteRunsToTheEnd() {
        SearchQuery q = SearchQuery.parse("artist:\"daft punk");
        assertThat(q.artist()).containsExactly("daft", "punk");
    }

    @Test
    void unsupportedFiltersAreKeptAsIgnored() {
        SearchQuery q = SearchQuery.parse("year:2001 tag:new Around the World");
        assertThat(q.ignored()).containsExactly("year:2001", "tag:new");
        assertThat(q.words()).containsExactly("around", "the", "world");
    }

    @Test
    void emptyQueryIsAnError() {
        assertThatThrownBy(() -> SearchQuery.parse(null))
                .isInstanceOf(InvalidRequestException.class).hasMessage("q must not be empty");
        assertThatThrownBy(() -> SearchQuery.parse("   "))
                .isInstanceOf(InvalidRequestException.class).hasMessage("q must not be empty");
    }

    @Test
    void queryWithNothingSearchableIsAnError() {
        assertThatThrownBy(() -> SearchQuery.parse("year:2001"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to search for");
        assertThatThrownBy(() -> SearchQuery.parse("!!! ---"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to search for");
        // an empty filter is no filter, whatever the field
        assertThatThrownBy(() -> SearchQuery.parse("artist:"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to search for");
        assertThatThrownBy(() -> SearchQuery.parse("genre:"))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to search for");
        assertThatThrownBy(() -> SearchQuery.parse("genre:\"\""))
                .isInstanceOf(InvalidRequestException.class).hasMessageContaining("nothing to search for");
        assertThat(SearchQuery.parse("genre: halo").genre()).isNull();
    }

    @Test
    void listsAreImmutable() {
        SearchQuery q = SearchQuery.parse("a b");
        assertThatThrownBy(() -> q.words().add("c")).isInstanceOf(UnsupportedOperationException.class);
    }
}
