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
    void sizeZeroComputesEveryTime() {
        Engine e = Engine.of(ServerBehaviourIT.tinyCatalog(), 0);
        SeedQuery q = SeedQuery.of(List.of(), List.of(), List.of("pop"), 5);
        assertThat(e.recommend(q)).isNotSameAs(e.recommend(q));
        assertThat(e.recommend(q).tracks()).containsExactly(e.recommender().recommend(q).tracks());
    }
}
