package dev.mixtape.app.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.algo.content.SeedQuery;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommendationParamsTest {

    /** Parameters as name, value pairs; a name given twice is a repeated parameter. */
    private static SeedQuery parse(String... nameValues) {
        return RecommendationParams.parse(new QueryParams(params(nameValues)), 3);
    }

    private static Map<String, List<String>> params(String... nameValues) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        for (int i = 0; i < nameValues.length; i += 2) {
            m.computeIfAbsent(nameValues[i], k -> new java.util.ArrayList<>()).add(nameValues[i + 1]);
        }
        return m;
    }

    private static void rejected(String expectedInMessage, String... nameValues) {
        assertThatThrownBy(() -> parse(nameValues))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessageContaining(expectedInMessage);
    }

    @Test
    void defaults() {
        SeedQuery q = parse("seed_genres", "pop");
        assertThat(q.seedGenres()).containsExactly("pop");
        assertThat(q.seedTracks()).isEmpty();
        assertThat(q.seedArtists()).isEmpty();
        assertThat(q.limit()).isEqualTo(20);
        assertThat(q.maxPerArtist()).isEqualTo(3);
        assertThat(q.min()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThat(q.max()).containsOnly(Double.POSITIVE_INFINITY);
        assertThat(q.hasTargets()).isFalse();
        assertThat(RecommendationParams.parse(new QueryParams(params("seed_genres", "pop")), 7).maxPerArtist()).isEqualTo(7);
    }

    @Test
    void seedsAreCommaSeparatedTrimmedAndGenresLowerCased() {
        SeedQuery q = parse("seed_tracks", " 4uLU6hMCjMI75M1A2tKUQC, ,0c6xIDDpzE81m2q797ordA ",
                "seed_artists", "4NHQUGzhtTLFvgF5SZesLK", "seed_genres", "Pop,");
        assertThat(q.seedTracks()).containsExactly("4uLU6hMCjMI75M1A2tKUQC", "0c6xIDDpzE81m2q797ordA");
        assertThat(q.seedArtists()).containsExactly("4NHQUGzhtTLFvgF5SZesLK");
        assertThat(q.seedGenres()).containsExactly("pop");
    }

    @Test
    void seedCountAndIds() {
        rejected("at least one of seed_artists, seed_genres or seed_tracks");
        rejected("at least one of", "seed_tracks", " , ");
        rejected("at most 5 seeds in total, got 6", "seed_tracks", "a,b,c", "seed_artists", "d,e", "seed_genres", "pop");
        rejected("seed_tracks has 6 ids; at most 5", "seed_tracks", "a,b,c,d,e,f");
        rejected("seed_artists has an invalid artist id: 'no/pe'", "seed_artists", "ok,no/pe");
        rejected("seed_tracks has an invalid track id: 'spotify:track:abc'", "seed_tracks", "spotify:track:abc");
        assertThat(parse("seed_tracks", "a,b", "seed_artists", "c,d", "seed_genres", "e").seedGenres()).containsExactly("e");
    }

    @Test
    void limitBounds() {
        assertThat(parse("seed_genres", "pop", "limit", "1").limit()).isEqualTo(1);
        assertThat(parse("seed_genres", "pop", "limit", " 100 ").limit()).isEqualTo(100);
        assertThat(parse("seed_genres", "pop", "limit", "").limit()).isEqualTo(20);
        rejected("limit must be an integer from 1 to 100, got '0'", "seed_genres", "pop", "limit", "0");
        rejected("limit must be an integer from 1 to 100, got '101'", "seed_genres", "pop", "limit", "101");
        rejected("limit must be an integer from 1 to 100, got 'ten'", "seed_genres", "pop", "limit", "ten");
        rejected("limit must be an integer from 1 to 100, got '2.5'", "seed_genres", "pop", "limit", "2.5");
        rejected("limit must be an integer", "seed_genres", "pop", "limit", "99999999999");
        rejected("max_per_artist must be an integer from 1 to 100, got '0'", "seed_genres", "pop", "max_per_artist", "0");
        assertThat(parse("seed_genres", "pop", "max_per_artist", "1").maxPerArtist()).isEqualTo(1);
    }

    @Test
    void tunableAttributes() {
        SeedQuery q = parse("seed_genres", "pop", "min_energy", "0.4", "max_energy", "0.9", "target_tempo", "120.5",
                "min_popularity", "10", "max_duration_ms", "300000", "target_key", "-1", "min_loudness", "-60",
                "target_time_signature", "4");
        assertThat(q.min()[Attribute.ENERGY.ordinal()]).isEqualTo(0.4);
        assertThat(q.max()[Attribute.ENERGY.ordinal()]).isEqualTo(0.9);
        assertThat(q.target()[Attribute.TEMPO.ordinal()]).isEqualTo(120.5);
        assertThat(q.min()[Attribute.POPULARITY.ordinal()]).isEqualTo(10);
        assertThat(q.max()[Attribute.DURATION_MS.ordinal()]).isEqualTo(300000);
        assertThat(q.target()[Attribute.KEY.ordinal()]).isEqualTo(-1);
        assertThat(q.min()[Attribute.LOUDNESS.ordinal()]).isEqualTo(-60);
        assertThat(q.target()[Attribute.TIME_SIGNATURE.ordinal()]).isEqualTo(4);
        assertThat(q.hasTargets()).isTrue();
        // untouched attributes stay open
        assertThat(q.min()[Attribute.VALENCE.ordinal()]).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(Arrays.stream(q.target()).filter(d -> !Double.isNaN(d)).count()).isEqualTo(3);
    }

    @Test
    void everyAttributeIsAcceptedByItsWireName() {
        for (Attribute a : Attribute.values()) {
            String v = a.isInteger() ? String.valueOf((long) a.max()) : String.valueOf(a.max());
            SeedQuery q = parse("seed_genres", "pop", "min_" + a.wireName(), v, "max_" + a.wireName(), v,
                    "target_" + a.wireName(), v);
            assertThat(q.min()[a.ordinal()]).as(a.wireName()).isEqualTo(a.max());
            assertThat(q.max()[a.ordinal()]).as(a.wireName()).isEqualTo(a.max());
            assertThat(q.target()[a.ordinal()]).as(a.wireName()).isEqualTo(a.max());
        }
    }

    @Test
    void badValuesNameTheParameter() {
        rejected("min_energy must be a number from 0 to 1, got '1.5'", "seed_genres", "pop", "min_energy", "1.5");
        rejected("target_valence must be a number from 0 to 1, got 'high'", "seed_genres", "pop", "target_valence", "high");
        rejected("max_tempo must be a number from 0 to 300, got '-1'", "seed_genres", "pop", "max_tempo", "-1");
        rejected("target_key must be an integer from -1 to 11, got '5.5'", "seed_genres", "pop", "target_key", "5.5");
        rejected("min_popularity must be an integer from 0 to 100, got '101'", "seed_genres", "pop", "min_popularity", "101");
        rejected("max_mode must be an integer from 0 to 1, got '2'", "seed_genres", "pop", "max_mode", "2");
        rejected("min_danceability must be a number from 0 to 1, got 'NaN'", "seed_genres", "pop", "min_danceability", "NaN");
        rejected("max_loudness must be a number from -60 to 10, got 'Infinity'", "seed_genres", "pop", "max_loudness", "Infinity");
        rejected("target_energy must be a number from 0 to 1, got ''", "seed_genres", "pop", "target_energy", "");
    }

    @Test
    void unknownTunableIsRejectedOtherParametersIgnored() {
        rejected("unknown parameter target_energi: 'energi' is not a tunable attribute", "seed_genres", "pop",
                "target_energi", "0.5");
        rejected("unknown parameter min_bpm", "seed_genres", "pop", "min_bpm", "100");
        rejected("unknown parameter max_", "seed_genres", "pop", "max_", "1");
        SeedQuery q = parse("seed_genres", "pop", "market", "US", "foo", "bar", "energy", "2", "targetenergy", "9");
        assertThat(q.hasTargets()).isFalse();
        assertThat(q.min()).containsOnly(Double.NEGATIVE_INFINITY);
        assertThat(q.max()).containsOnly(Double.POSITIVE_INFINITY);
    }

    @Test
    void minAboveMax() {
        rejected("min_energy (0.8) is greater than max_energy (0.2)", "seed_genres", "pop", "min_energy", "0.8",
                "max_energy", "0.2");
        SeedQuery q = parse("seed_genres", "pop", "min_energy", "0.5", "max_energy", "0.5");
        assertThat(q.min()[Attribute.ENERGY.ordinal()]).isEqualTo(q.max()[Attribute.ENERGY.ordinal()]);
    }

    @Test
    void repeatedParametersAreErrors() {
        rejected("limit is given 2 times; give it once", "seed_genres", "pop", "limit", "5", "limit", "6");
        rejected("min_energy is given 2 times", "seed_genres", "pop", "min_energy", "0.1", "min_energy", "0.2");
        rejected("seed_tracks is given 2 times", "seed_tracks", "a", "seed_tracks", "b");
    }
}
