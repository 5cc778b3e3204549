package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.algo.content.SeedResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class EngineTest {
    @Test
    void cachedAnswersEqualComputedOnesAndRepeatsComeFromTheCache() {
        Engine e = Engine.of(ServerBehaviourIT.tinyCatalog(), 10);
        SeedQuery q = SeedQuery.of(List.of("t1"), List.of(), List.of("pop"), 5);
        SeedResult first = e.recommend(q);
        SeedResult again = e.recommend(SeedQuery.of(List.of("t1"), List.of(), List.of("pop"), 5));
        assertThat(again).isSameAs(first);
        SeedResult computed = e.recommender().recommend(q);
        assertThat(first.tracks()).containsExactly(computed.tracks());
        assertThat(first.scores()).containsExactly(computed.scores());
        assertThat(e.results().stats().hitCount()).isEqualTo(1);
    }

    @Test
    void aNewArtistModelEmptiesTheAnswerCache() {
        Engine e = Engine.of(ServerBehaviourIT.tinyCatalog(), 10);
        SeedQuery q = SeedQuery.of(List.of("t1"), List.of(), List.of(), 5);
        SeedResult before = e.recommend(q);
        assertThat(e.results().asMap()).containsKey(q);
        // answers draw from the artist neighbours, so one kept from before a model change would be stale
        e.cf().artists(null, "removed for the test");
        assertThat(e.results().asMap()).isEmpty();
        assertThat(e.recommend(q)).isNotSameAs(before);
        assertThat(e.cf().kin(0, 20)).isEmpty();
        assertThat(e.cf().version()).isEqualTo("-");
    }

    @Test
    void aListeningModelSwapRecomputesTheCachedAnswersBeforeItServesInsteadOfDroppingThem() {
        Engine e = Engine.of(ServerBehaviourIT.tinyCatalog(), 10);
        SeedQuery q1 = SeedQuery.of(List.of("t1"), List.of(), List.of(), 5);
        SeedQuery q2 = SeedQuery.of(List.of(), List.of(), List.of("pop"), 5);
        SeedResult before = e.recommend(q1);
        e.recommend(q2);
        // a swap of the listening model (here to none) swaps the embeddings the answers borrow through: the cached
        // answers are recomputed under the new ones first, so the next requests are hits, not a stampede of misses
        e.cf().listening(null, "none for the test");
        assertThat(e.results().asMap()).containsOnlyKeys(q1, q2);
        SeedResult after = e.results().getIfPresent(q1);
        assertThat(after).isNotSameAs(before);
        assertThat(after.tracks()).containsExactly(e.recommender().recommend(q1).tracks());
        long hits = e.results().stats().hitCount();
        assertThat(e.recommend(q1)).isSameAs(after);
        assertThat(e.results().stats().hitCount()).isEqualTo(hits + 1);
    }

    @Test
    void sizeZeroComputesEveryTime() {
        Engine e = Engine.of(ServerBehaviourIT.tinyCatalog(), 0);
        SeedQuery q = SeedQuery.of(List.of(), List.of(), List.of("pop"), 5);
        assertThat(e.recommend(q)).isNotSameAs(e.recommend(q));
        assertThat(e.recommend(q).tracks()).containsExactly(e.recommender().recommend(q).tracks());
    }
}
