package dev.mixtape.algo.match;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.Catalog;
import org.junit.jupiter.api.Test;

/** {@link ArtistNameMatcher}: rule order, ambiguity, and {@link ArtistMatches}' report numbers. */
class ArtistNameMatcherTest {
    static final Catalog CATALOG = new TinyCatalog()
            .track("Mr. Brightside", 80, "The Killers")
            .track("Human", 60, "The Killers")
            .track("Old Song", 20, "Killers")
            .track("The Weight", 70, "The Band")
            .track("Other Weight", 70, "Band")
            .track("Another", 10, "Band")
            .track("Tik Tok", 75, "Kesha")
            .track("Little Lion Man", 65, "Mumford & Sons")
            .track("Halo", 90, "Beyoncé")
            .track("Poker Face", 85, "Lady Gaga", "Beyoncé")
            .track("Man Who", 30, "MC 900 Ft. Jesus")
            .build();
    static final ArtistNameMatcher MATCHER = new ArtistNameMatcher(CATALOG);

    static String name(ArtistNameMatcher.Match m) {
        return m.matched() ? CATALOG.artistName(m.artist()) : null;
    }

    @Test
    void foldedWinsOverLooserRules() {
        ArtistNameMatcher.Match m = MATCHER.match("KILLERS");
        assertThat(name(m)).isEqualTo("Killers");
        assertThat(m.rule()).isEqualTo(MatchRule.FOLDED);
        assertThat(m.ambiguous()).isFalse();
        assertThat(MATCHER.match("beyonce").rule()).isEqualTo(MatchRule.FOLDED);
        // "Ft." here is part of the name, and the folded rule decides before featuring is tried
        assertThat(name(MATCHER.match("MC 900 Ft. Jesus"))).isEqualTo("MC 900 Ft. Jesus");
    }

    @Test
    void canonicalMatchesWhatFoldingCannot() {
        assertThat(name(MATCHER.match("Ke$ha"))).isEqualTo("Kesha");
        assertThat(MATCHER.match("Ke$ha").rule()).isEqualTo(MatchRule.CANONICAL);
        assertThat(name(MATCHER.match("Mumford and Sons"))).isEqualTo("Mumford & Sons");
        assertThat(name(MATCHER.match("Killers, The"))).isIn("The Killers", "Killers");
    }

    @Test
    void featuringFallsBackToTheLeadArtist() {
        ArtistNameMatcher.Match m = MATCHER.match("Lady GaGa feat. Beyoncé");
        assertThat(name(m)).isEqualTo("Lady Gaga");
        assertThat(m.rule()).isEqualTo(MatchRule.FEATURING);
        assertThat(MATCHER.match("Ke$ha ft. 3OH!3").rule()).isEqualTo(MatchRule.FEATURING);
    }

    @Test
    void ambiguityGoesToTheMostPopularThenMoreTracksThenId() {
        // "the killers" and "killers" share the canonical key: The Killers (popularity 80) beats Killers (20)
        ArtistNameMatcher.Match m = MATCHER.match("Killers, The");
        assertThat(m.ambiguous()).isTrue();
        assertThat(name(m)).isEqualTo("The Killers");
        assertThat(m.candidates()).hasSize(2);
        assertThat(CATALOG.artistName(m.candidates()[1])).isEqualTo("Killers");
        // The Band and Band tie on popularity (70); Band has two tracks
        ArtistNameMatcher.Match band = MATCHER.match("The  Band,");
        assertThat(band.rule()).isEqualTo(MatchRule.FOLDED);
        ArtistNameMatcher.Match tie = MATCHER.match("Band, The");
        assertThat(tie.ambiguous()).isTrue();
        assertThat(name(tie)).isEqualTo("Band");
        assertThat(MATCHER.sharedKeys()).isEqualTo(2);   // "killers" and "band"
        // the same catalog built again gives the same answer
        assertThat(new ArtistNameMatcher(CATALOG).match("Band, The")).usingRecursiveComparison().isEqualTo(tie);
    }

    @Test
    void unmatchedAndBlankNames() {
        assertThat(MATCHER.match("Depeche Mode").matched()).isFalse();
        assertThat(MATCHER.match("Depeche Mode").rule()).isEqualTo(MatchRule.NONE);
        assertThat(MATCHER.match(null).matched()).isFalse();
        assertThat(MATCHER.match("  ").matched()).isFalse();
        assertThat(MATCHER.match("feat. Someone").matched()).isFalse();
    }

    @Test
    void matchesReportCountsPlaysRulesUnmatchedAndAmbiguity() {
        String[] names = {"Beyonce", "Depeche Mode", "Ke$ha", "U2", null, "Killers, The", "Lady Gaga ft. X"};
        double[] plays = {100, 500, 50, 500, 7, 30, 13};
        ArtistMatches m = ArtistMatches.of(MATCHER, names, plays);
        assertThat(m.size()).isEqualTo(7);
        assertThat(m.matched()).isEqualTo(4);
        assertThat(m.totalPlays()).isEqualTo(1200);
        assertThat(m.matchedPlays()).isEqualTo(193);
        assertThat(m.byRule()).containsEntry(MatchRule.FOLDED, 1).containsEntry(MatchRule.CANONICAL, 2)
                .containsEntry(MatchRule.FEATURING, 1).containsEntry(MatchRule.NONE, 3);
        // most plays first, ties by name: "Depeche Mode" < "U2"; the nameless artist last
        assertThat(m.unmatchedByPlays()).containsExactly(1, 3, 4);
        assertThat(m.ambiguousByPlays()).containsExactly(5);
        assertThat(m.catalogArtists()).isEqualTo(4);
        assertThat(m.artist(6)).isEqualTo(TinyCatalog.artist(CATALOG, "Lady Gaga"));
    }
}
