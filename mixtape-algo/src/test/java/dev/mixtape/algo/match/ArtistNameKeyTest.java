package dev.mixtape.algo.match;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One test per rule of {@link ArtistNameKey}, with the cases each rule must leave alone. */
class ArtistNameKeyTest {

    @Test
    void foldedIsTheCatalogsCaseAndAccentFolding() {
        assertThat(ArtistNameKey.folded("Beyoncé")).isEqualTo(ArtistNameKey.folded("BEYONCE")).isEqualTo("beyonce");
        assertThat(ArtistNameKey.folded("Sigur Rós")).isEqualTo("sigur ros");
        assertThat(ArtistNameKey.folded("Jay-Z")).isEqualTo(ArtistNameKey.folded("JAY Z"));
        assertThat(ArtistNameKey.folded("Mötley Crüe")).isEqualTo("motley crue");
        assertThat(ArtistNameKey.folded("The Killers")).isEqualTo("the killers");
    }

    @Test
    void canonicalDropsALeadingOrTrailingThe() {
        assertThat(ArtistNameKey.canonical("The Killers")).isEqualTo("killers");
        assertThat(ArtistNameKey.canonical("Killers, The")).isEqualTo("killers");
        assertThat(ArtistNameKey.canonical("THE  killers")).isEqualTo("killers");
        assertThat(ArtistNameKey.canonical("The The")).isEqualTo("the");
        assertThat(ArtistNameKey.canonical("The")).isEqualTo("the");
        // only a leading "the" goes
        assertThat(ArtistNameKey.canonical("Rage Against the Machine")).isEqualTo("rage against the machine");
        assertThat(ArtistNameKey.canonical("Theory of a Deadman")).isEqualTo("theory of a deadman");
    }

    @Test
    void canonicalReadsAmpersandAndPlusAsAnd() {
        assertThat(ArtistNameKey.canonical("Mumford & Sons")).isEqualTo(ArtistNameKey.canonical("Mumford and Sons"))
                .isEqualTo("mumford and sons");
        assertThat(ArtistNameKey.canonical("Florence + The Machine")).isEqualTo(ArtistNameKey.canonical("Florence and the Machine"));
        assertThat(ArtistNameKey.canonical("Simon&Garfunkel")).isEqualTo("simon and garfunkel");
    }

    @Test
    void canonicalDropsApostrophesAndJoinsInitials() {
        assertThat(ArtistNameKey.canonical("Fool's Garden")).isEqualTo(ArtistNameKey.canonical("Fools Garden"));
        assertThat(ArtistNameKey.canonical("Destiny’s Child")).isEqualTo("destinys child");
        assertThat(ArtistNameKey.canonical("A.F.I.")).isEqualTo(ArtistNameKey.canonical("AFI")).isEqualTo("afi");
        assertThat(ArtistNameKey.canonical("t.A.T.u.")).isEqualTo("tatu");
        assertThat(ArtistNameKey.canonical("The Notorious B.I.G.")).isEqualTo("notorious big");
        assertThat(ArtistNameKey.canonical("V.O.W.E")).isEqualTo("vowe");
        // a dot inside a word, or after one initial, still separates words
        assertThat(ArtistNameKey.canonical("sleep.ing")).isEqualTo("sleep ing");
        assertThat(ArtistNameKey.canonical("will.i.am")).isEqualTo("will i am");
        assertThat(ArtistNameKey.canonical("Booker T. & the M.G.'s")).isEqualTo("booker t and the mgs");
    }

    @Test
    void canonicalReadsDollarAsS() {
        assertThat(ArtistNameKey.canonical("Ke$ha")).isEqualTo(ArtistNameKey.canonical("Kesha")).isEqualTo("kesha");
        assertThat(ArtistNameKey.canonical("BO$$ in drama")).isEqualTo("boss in drama");
    }

    @Test
    void canonicalNeverEmptiesANameWithLettersOrDigits() {
        assertThat(ArtistNameKey.canonical("&")).isEqualTo("and");
        assertThat(ArtistNameKey.canonical("...")).isEmpty();
        assertThat(ArtistNameKey.canonical(null)).isEmpty();
        assertThat(ArtistNameKey.canonical("2 + 2")).isEqualTo("2 and 2");
    }

    @Test
    void withoutFeaturingCutsTheFeaturingSuffix() {
        assertThat(ArtistNameKey.withoutFeaturing("Lady GaGa Ft. Beyoncé")).isEqualTo("Lady GaGa");
        assertThat(ArtistNameKey.withoutFeaturing("Eminem feat. Drake, Kanye West")).isEqualTo("Eminem");
        assertThat(ArtistNameKey.withoutFeaturing("Dash Berlin Feat Solid Sessions")).isEqualTo("Dash Berlin");
        assertThat(ArtistNameKey.withoutFeaturing("Maze Featuring Frankie Beverly")).isEqualTo("Maze");
        assertThat(ArtistNameKey.withoutFeaturing("Rihanna (feat. Drake)")).isEqualTo("Rihanna");
        assertThat(ArtistNameKey.withoutFeaturing("Seether [Feat. Amy Lee]")).isEqualTo("Seether");
        assertThat(ArtistNameKey.withoutFeaturing("Justin Bieber  ft Rascal Flatts")).isEqualTo("Justin Bieber");
    }

    @Test
    void withoutFeaturingLeavesOtherNamesAlone() {
        assertThat(ArtistNameKey.withoutFeaturing("Daft Punk")).isNull();
        assertThat(ArtistNameKey.withoutFeaturing("Taylor Swift")).isNull();
        assertThat(ArtistNameKey.withoutFeaturing("Feathers")).isNull();
        assertThat(ArtistNameKey.withoutFeaturing("Featuring Nobody")).isNull();  // nothing before it
        assertThat(ArtistNameKey.withoutFeaturing("Feist")).isNull();
        assertThat(ArtistNameKey.withoutFeaturing(null)).isNull();
    }
}
