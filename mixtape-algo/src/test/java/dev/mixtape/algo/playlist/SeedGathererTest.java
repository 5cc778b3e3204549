package dev.mixtape.algo.playlist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.GenreSets;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.playlist.Seeds.Anchor;
import dev.mixtape.algo.playlist.Seeds.AnchorKind;
import dev.mixtape.algo.playlist.Seeds.ArtistKind;
import dev.mixtape.algo.playlist.Seeds.SeedArtist;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.MoodTarget;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedGathererTest {
    private final Catalog catalog = Fixtures.catalog(7, 3000, 90, 8);
    private final FeatureSpace space = new FeatureSpace(catalog);
    private final GenreSets genreSets = new GenreSets(catalog);
    private final SeedGatherer gatherer = new SeedGatherer(space, new RelatedArtists(space, genreSets));
    private final float[] mean = TargetProfile.catalogMean(space);


    private TargetProfile profile(MoodTarget t) {
        return new TargetProfile(t, space, genreSets, mean);
    }

    @Test
    void mentionedTracksComeFirstThenTheMentionedArtistsTopTracks() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.6).track("t5", "unknown", "t9").artist("a3").build());
        Seeds s = gatherer.gather(p, AnchorSource.NONE, PlaylistConfig.DEFAULT);
        List<Anchor> anchors = s.anchors();
        assertThat(anchors.get(0)).isEqualTo(new Anchor(catalog.indexOf("t5"), AnchorKind.MENTIONED_TRACK, -1));
        assertThat(anchors.get(1)).isEqualTo(new Anchor(catalog.indexOf("t9"), AnchorKind.MENTIONED_TRACK, -1));
        int a3 = catalog.artistIndexOf("a3");
        List<Anchor> top = anchors.stream().filter(a -> a.kind() == AnchorKind.ARTIST_TOP_TRACK).toList();
        assertThat(top).hasSize(SeedGatherer.ANCHORS_PER_ARTIST);
        int[] popular = Arrays.copyOf(catalog.artistTracks(a3), SeedGatherer.TOP_TRACKS);
        for (Anchor a : top) {
            assertThat(a.via()).isEqualTo(a3);
            assertThat(popular).contains(a.track());
        }
        // a prompt about tracks and artists that names no genre gets no genre representative (it would bring that
        // genre's sound in)
        assertThat(anchors.stream().filter(a -> a.kind() == AnchorKind.GENRE_REPRESENTATIVE)).isEmpty();
        // the mentioned artist leads the artists, then related or anchor artists
        assertThat(s.artists().get(0).artist()).isEqualTo(a3);
        assertThat(s.artists().get(0).kind()).isEqualTo(ArtistKind.MENTIONED);
        for (SeedArtist sa : s.artists()) {
            if (sa.kind() == ArtistKind.RELATED) {
                assertThat(Set.of(a3, catalog.trackArtists(catalog.indexOf("t5"))[0], catalog.trackArtists(catalog.indexOf("t9"))[0]))
                        .contains(sa.via());
            }
        }
    }

    @Test
    void aMentionWithAWantedGenreStillGetsOneRepresentative() {
        TargetProfile p = profile(Fixtures.target().artist("a3").genre("g2").build());
        Seeds s = gatherer.gather(p, AnchorSource.NONE, PlaylistConfig.DEFAULT);
        assertThat(s.anchors().stream().filter(a -> a.kind() == AnchorKind.GENRE_REPRESENTATIVE)).hasSize(1);
    }

    @Test
    void collaborativeNeighboursReplaceRelatedArtistsUnprunedAndWidenTheList() {
        int a3 = catalog.artistIndexOf("a3");
        // every other artist is a3's neighbour, in reverse index order; the gatherer must take them as given
        int[] near = java.util.stream.IntStream.range(0, catalog.artistCount()).map(i -> catalog.artistCount() - 1 - i)
                .filter(a -> a != a3).toArray();
        SeedGatherer withKin = new SeedGatherer(space, new RelatedArtists(space, genreSets),
                (artist, limit) -> artist == a3 ? Arrays.copyOf(near, Math.min(limit, near.length)) : new int[0]);
        Seeds s = withKin.gather(profile(Fixtures.target().set(Attribute.ENERGY, 0.9).artist("a3").build()), AnchorSource.NONE,
                PlaylistConfig.DEFAULT);
        assertThat(s.artists().get(0).artist()).isEqualTo(a3);
        List<SeedArtist> rest = s.artists().subList(1, s.artists().size());
        assertThat(rest).allSatisfy(sa -> {
            assertThat(sa.kind()).isEqualTo(ArtistKind.CO_LISTENED);
            assertThat(sa.via()).isEqualTo(a3);
        });
        // no genre or sound pruning: all the neighbours asked for are there, more than maxArtists allows otherwise
        assertThat(rest).hasSize(dev.mixtape.algo.content.ArtistKin.NEAREST);
        assertThat(rest.stream().map(SeedArtist::artist)).containsExactlyInAnyOrderElementsOf(
                Arrays.stream(near, 0, dev.mixtape.algo.content.ArtistKin.NEAREST).boxed().toList());
        assertThat(s.artists().size()).isGreaterThan(PlaylistConfig.DEFAULT.maxArtists());
    }

    @Test
    void anchorsAndArtistsStayWithinTheirLimits() {
        MoodTarget t = Fixtures.target().track("t1", "t2", "t3", "t4", "t5").artist("a1", "a2").build();
        PlaylistConfig c = PlaylistConfig.DEFAULT.toBuilder().maxAnchors(4).maxArtists(3).build();
        Seeds s = gatherer.gather(profile(t), AnchorSource.NONE, c);
        assertThat(s.anchors()).hasSize(4).allMatch(a -> a.kind() == AnchorKind.MENTIONED_TRACK);
        assertThat(s.artists()).hasSize(3);
        assertThat(gatherer.gather(profile(t), AnchorSource.NONE, c.toBuilder().maxArtists(0).build()).artists()).isEmpty();
    }

    @Test
    void extraAnchorsAreTheBestFittingKnownOnes() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.9).build());
        List<String> ids = List.of("nope", "t10", "t11", "t12", "t13", "t14", "t15");
        Seeds s = gatherer.gather(p, AnchorSource.of(ids, "your top track"), PlaylistConfig.DEFAULT);
        List<Anchor> extra = s.anchors().stream().filter(a -> a.kind() == AnchorKind.EXTRA).toList();
        assertThat(extra).hasSize(SeedGatherer.MAX_EXTRA_ANCHORS);
        float worstKept = Float.MAX_VALUE;
        Set<Integer> kept = new HashSet<>();
        for (Anchor a : extra) {
            worstKept = Math.min(worstKept, p.fit(a.track()));
            kept.add(a.track());
        }
        for (String id : ids.subList(1, ids.size())) {
            int t = catalog.indexOf(id);
            if (!kept.contains(t)) {
                assertThat(p.fit(t)).isLessThanOrEqualTo(worstKept);
            }
        }
        // extra anchors bring their artists in
        assertThat(s.artists()).anyMatch(a -> a.kind() == ArtistKind.ANCHOR_ARTIST);
    }

    @Test
    void genreRepresentativesFitTheTargetWithinTheirGenre() {
        TargetProfile p = profile(Fixtures.target().set(Attribute.ENERGY, 0.3).set(Attribute.VALENCE, 0.7).genre("g2").noExplicit().build());
        Seeds s = gatherer.gather(p, AnchorSource.NONE, PlaylistConfig.DEFAULT);
        assertThat(s.anchors()).hasSize(1);
        Anchor rep = s.anchors().get(0);
        int g2 = catalog.genreIndexOf("g2");
        assertThat(rep.kind()).isEqualTo(AnchorKind.GENRE_REPRESENTATIVE);
        assertThat(rep.via()).isEqualTo(g2);
        float best = -1;
        int bestTrack = -1;
        for (int t : catalog.genreTracks(g2)) {
            float score = 0.8f * p.fit(t) + 0.2f * catalog.popularity(t) / 100f;
            if (!p.excluded(t) && (score > best || (score == best && t < bestTrack))) {
                best = score;
                bestTrack = t;
            }
        }
        assertThat(rep.track()).isEqualTo(bestTrack);
        // with no genre and nothing mentioned, three genres near the target each give one
        Seeds open = gatherer.gather(profile(Fixtures.target().set(Attribute.ENERGY, 0.3).build()), AnchorSource.NONE, PlaylistConfig.DEFAULT);
        assertThat(open.anchors()).hasSize(SeedGatherer.NEAR_GENRES)
                .extracting(Anchor::via).doesNotHaveDuplicates();
        assertThat(open.artists()).isNotEmpty().allMatch(a -> a.kind() == ArtistKind.GENRE);
    }

    @Test
    void prunedArtistsNeverIncludeExcludedOrOffGenreOnes() {
        for (int a = 0; a < 30; a++) {
            MoodTarget t = Fixtures.target().artist("a" + a).genre("g" + (a % 8)).excludeArtist("a" + (a + 1), "a" + (a + 8)).build();
            TargetProfile p = profile(t);
            Seeds s = gatherer.gather(p, AnchorSource.NONE, PlaylistConfig.DEFAULT);
            assertThat(s.artists()).hasSizeLessThanOrEqualTo(PlaylistConfig.DEFAULT.maxArtists());
            for (SeedArtist sa : s.artists()) {
                assertThat(catalog.artistId(sa.artist())).isNotIn("a" + (a + 1), "a" + (a + 8));
                if (sa.kind() != ArtistKind.MENTIONED) {
                    assertThat(p.artistGenreMatch(sa.artist())).isTrue();
                }
            }
        }
    }
}
