package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.PromptCatalog.artistId;
import static dev.mixtape.algo.playlist.prompt.PromptCatalog.trackId;
import static dev.mixtape.core.Attribute.ACOUSTICNESS;
import static dev.mixtape.core.Attribute.DANCEABILITY;
import static dev.mixtape.core.Attribute.ENERGY;
import static dev.mixtape.core.Attribute.INSTRUMENTALNESS;
import static dev.mixtape.core.Attribute.LOUDNESS;
import static dev.mixtape.core.Attribute.SPEECHINESS;
import static dev.mixtape.core.Attribute.TEMPO;
import static dev.mixtape.core.Attribute.VALENCE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The interpreter over a table of prompts: each row names what the prompt must do, mostly as a
 * direction relative to a neutral prompt ("calm" lowers energy) or to another prompt ("very calm"
 * lowers it more than "calm"), plus genres, names, exclusions, lengths, arcs, contradictions and
 * meaningless prompts. Every row also checks that each target lies inside its range.
 */
class BuiltInPromptInterpreterTest {
    static final BuiltInPromptInterpreter INTERPRETER = new BuiltInPromptInterpreter();
    static final Catalog CATALOG = PromptCatalog.CATALOG;
    static final PromptAnalysis NEUTRAL = read("some music please");
    static final double EPS = 1e-6;

    static PromptAnalysis read(String prompt) {
        return INTERPRETER.interpret(prompt, CATALOG, null, null);
    }

    static double target(PromptAnalysis a, Attribute attr) {
        return a.target().targets().get(attr);
    }

    /** One expectation; its description names it in failure messages. */
    record Expect(String description, java.util.function.Consumer<PromptAnalysis> check) {
        @Override
        public String toString() {
            return description;
        }
    }

    record Row(String prompt, List<Expect> expects) {
        @Override
        public String toString() {
            return "\"" + prompt + "\" " + expects;
        }
    }

    static Row row(String prompt, Expect... expects) {
        return new Row(prompt, Arrays.asList(expects));
    }

    static Expect higher(Attribute a) {
        return new Expect(a.wireName() + " up", x -> assertThat(target(x, a)).as(a.wireName() + " vs neutral " + target(NEUTRAL, a))
                .isGreaterThan(target(NEUTRAL, a) + EPS));
    }

    static Expect lower(Attribute a) {
        return new Expect(a.wireName() + " down", x -> assertThat(target(x, a)).as(a.wireName() + " vs neutral " + target(NEUTRAL, a))
                .isLessThan(target(NEUTRAL, a) - EPS));
    }

    static Expect lowerThan(String other, Attribute a) {
        return new Expect(a.wireName() + " below '" + other + "'", x -> assertThat(target(x, a))
                .as(a.wireName() + " vs '" + other + "'").isLessThan(target(read(other), a) - EPS));
    }

    static Expect higherThan(String other, Attribute a) {
        return new Expect(a.wireName() + " above '" + other + "'", x -> assertThat(target(x, a))
                .as(a.wireName() + " vs '" + other + "'").isGreaterThan(target(read(other), a) + EPS));
    }

    static Expect near(Attribute a, double value) {
        return new Expect(a.wireName() + " = " + value, x -> assertThat(target(x, a)).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-9)));
    }

    static Expect rangeMinAbove(Attribute a, String other) {
        return new Expect(a.wireName() + " range above '" + other + "'", x -> assertThat(x.target().ranges().get(a).min())
                .isGreaterThan(target(read(other), a)));
    }

    static Expect rangeMaxBelow(Attribute a, double value) {
        return new Expect(a.wireName() + " range max < " + value, x -> assertThat(x.target().ranges().get(a).max()).isLessThan(value));
    }

    static Expect genres(String... g) {
        return new Expect("genres " + List.of(g), x -> assertThat(x.target().genres()).containsExactlyInAnyOrder(g));
    }

    static Expect excluded(String... g) {
        return new Expect("excludes " + List.of(g), x -> assertThat(x.target().excludedGenres()).containsExactlyInAnyOrder(g));
    }

    static Expect artists(String... names) {
        return new Expect("artists " + List.of(names), x -> assertThat(x.target().artists())
                .containsExactly(Stream.of(names).map(PromptCatalog::artistId).toArray(String[]::new)));
    }

    static Expect excludedArtists(String... names) {
        return new Expect("excludes artists " + List.of(names), x -> assertThat(x.target().excludedArtists())
                .containsExactlyInAnyOrder(Stream.of(names).map(PromptCatalog::artistId).toArray(String[]::new)));
    }

    static Expect track(String name, String artist) {
        return new Expect("track " + name, x -> assertThat(x.target().tracks()).containsExactly(trackId(name, artist)));
    }

    static Expect unknown(String... names) {
        return new Expect("unknown " + List.of(names), x -> assertThat(x.unknown()).containsExactly(names));
    }

    static Expect length(int n) {
        return new Expect("length " + n, x -> assertThat(x.target().length()).isEqualTo(n));
    }

    static Expect arc(Arc arc) {
        return new Expect("arc " + arc, x -> assertThat(x.target().arc()).isEqualTo(arc));
    }

    static Expect noExplicit() {
        return new Expect("no explicit", x -> assertThat(x.target().allowExplicit()).isFalse());
    }

    static Expect relaxed(String... fragments) {
        return new Expect("relaxed " + List.of(fragments), x -> assertThat(x.relaxed())
                .anySatisfy(s -> assertThat(s).contains(fragments)));
    }

    static Expect nothingRelaxed() {
        return new Expect("nothing relaxed", x -> assertThat(x.relaxed()).isEmpty());
    }

    static Expect meaningless() {
        return new Expect("meaningless", x -> {
            assertThat(x.meaningless()).isTrue();
            assertThat(x.target().targets()).isEqualTo(NEUTRAL.target().targets());
        });
    }

    static Expect notUnderstood(String... words) {
        return new Expect("not understood " + List.of(words), x -> assertThat(x.notUnderstood()).containsExactly(words));
    }

    static Expect recognised(String text, String kind) {
        return new Expect("recognised '" + text + "' as " + kind, x -> assertThat(x.recognised())
                .anySatisfy(p -> {
                    assertThat(p.text()).isEqualTo(text);
                    assertThat(p.kind()).isEqualTo(kind);
                }));
    }

    static Stream<Row> rows() {
        return Stream.of(
                // moods and their intensity
                row("calm", lower(ENERGY), lower(LOUDNESS), recognised("calm", "mood")),
                row("relaxing music", lower(ENERGY)),
                row("mellow tunes", lower(ENERGY)),
                row("very calm", lowerThan("calm", ENERGY), recognised("very calm", "mood")),
                row("a bit calm", higherThan("calm", ENERGY), lower(ENERGY)),
                row("super chill", lowerThan("chill", ENERGY)),
                row("sad", lower(VALENCE), recognised("sad", "mood")),
                row("melancholic songs", lower(VALENCE)),
                row("heartbroken", lowerThan("sad", VALENCE)),
                row("slightly sad", higherThan("sad", VALENCE), lower(VALENCE)),
                row("really really sad", lowerThan("really sad", VALENCE)),
                row("happy", higher(VALENCE), higher(ENERGY)),
                row("cheerful and upbeat", higher(VALENCE), higher(ENERGY)),
                row("energetic", higher(ENERGY)),
                row("super energetic", higherThan("energetic", ENERGY)),
                row("angry", higher(ENERGY), lower(VALENCE)),
                row("dreamy", lower(ENERGY), higher(INSTRUMENTALNESS)),
                // sound words
                row("acoustic", higher(ACOUSTICNESS), recognised("acoustic", "feature")),
                row("unplugged", higher(ACOUSTICNESS)),
                row("instrumental", higher(INSTRUMENTALNESS)),
                row("no vocals", higher(INSTRUMENTALNESS)),
                row("fast songs", higher(TEMPO)),
                row("slow songs", lower(TEMPO)),
                row("120 bpm", near(TEMPO, 120)),
                row("loud", higher(LOUDNESS)),
                row("quiet", lower(LOUDNESS)),
                row("danceable", higher(DANCEABILITY)),
                // contexts
                row("workout", higher(ENERGY), higher(TEMPO), recognised("workout", "activity")),
                row("gym session", higher(ENERGY), higher(TEMPO)),
                row("running", higher(ENERGY), higher(TEMPO)),
                row("music for studying", higher(INSTRUMENTALNESS), lower(ENERGY), lower(SPEECHINESS)),
                row("focus while coding", higher(INSTRUMENTALNESS)),
                row("sleep", lower(ENERGY), lower(LOUDNESS)),
                row("yoga and meditation", lower(ENERGY)),
                row("party", higher(DANCEABILITY), higher(ENERGY)),
                row("road trip", higher(VALENCE), higher(ENERGY)),
                row("cooking dinner", higher(VALENCE)),
                row("rainy day", lower(VALENCE), higher(ACOUSTICNESS), recognised("rainy day", "weather")),
                row("sunny summer afternoon", higher(VALENCE)),
                row("late night", lower(ENERGY), recognised("late night", "time")),
                row("morning coffee", higher(ACOUSTICNESS)),
                row("cold winter evening", lower(ENERGY)),
                // genres
                row("hip hop", genres("hip-hop")),
                row("r&b", genres("r-n-b")),
                row("rnb and kpop", genres("r-n-b", "k-pop")),
                row("dnb", genres("drum-and-bass")),
                row("jazzy piano", genres("jazz", "piano"), higher(ACOUSTICNESS)),
                row("lofi", genres(), higher(INSTRUMENTALNESS), lower(ENERGY)),
                row("hard rock", genres("hard-rock")),
                // exclusions
                row("no rap", excluded("hip-hop", "rap"), genres()),
                row("no hip hop", excluded("hip-hop")),
                row("without metal", excluded("metal", "black-metal")),
                row("no rap or metal", excluded("hip-hop", "rap", "metal", "black-metal")),
                row("rock but no hard rock", genres("rock"), excluded("hard-rock")),
                row("rock, no rock", genres(), excluded("rock", "hard-rock"), relaxed("rock", "kept the exclusion")),
                row("no sad songs", rangeMinAbove(VALENCE, "sad"), higher(VALENCE)),
                row("not too sad", rangeMinAbove(VALENCE, "sad")),
                row("not too loud", rangeMaxBelow(LOUDNESS, target(read("loud"), LOUDNESS))),
                row("energetic but not too loud", higher(ENERGY), rangeMaxBelow(LOUDNESS, target(read("loud"), LOUDNESS)),
                        nothingRelaxed()),
                row("no rap music or sad songs please", excluded("hip-hop", "rap"), rangeMinAbove(VALENCE, "sad"),
                        recognised("no rap music", "exclude"), recognised("no sad", "exclude")),
                row("nothing explicit", noExplicit()),
                row("family friendly", noExplicit()),
                row("without Drake", excludedArtists("Drake"), artists()),
                row("without Kanye West", unknown("Kanye West"), excludedArtists()),
                // names
                row("like Daft Punk", artists("Daft Punk")),
                row("songs by Adele", artists("Adele")),
                row("like Daft Punk and Justice", artists("Daft Punk", "Justice")),
                row("daft punk vibes", artists("Daft Punk")),
                row("songs similar to Someone Like You by Adele", track("Someone Like You", "Adele"), artists()),
                row("similar to someone like you by other singer", track("Someone Like You", "Other Singer")),
                row("like \"Hey Jude\"", track("Hey Jude - Remastered 2015", "The Beatles")),
                row("the beatles", artists("The Beatles")),
                row("like Beatles", artists("The Beatles")),
                row("simon & garfunkel", artists("Simon & Garfunkel")),
                row("BEYONCE", artists("Beyoncé")),
                row("like Zzzyx Quartet", unknown("Zzzyx Quartet"), artists()),
                row("something like happy music", higher(VALENCE), artists(), unknown()),
                row("like \"Happy\"", track("Happy", "Pharrell Williams")),
                row("calm", artists()),
                // lengths
                row("20 songs", length(20), meaningless()),
                row("twenty five tracks", length(25)),
                row("a dozen songs", length(12)),
                row("an hour", length(15)),
                row("45 minutes", length(11)),
                row("half an hour of jazz", length(8), genres("jazz")),
                row("an hour and a half", length(23)),
                row("3 songs", length(5), relaxed("3 tracks", "using 5")),
                row("500 songs", length(200), relaxed("using 200")),
                // arcs
                row("build up", arc(Arc.BUILD_UP)),
                row("wind down", arc(Arc.WIND_DOWN), nothingRelaxed()),
                row("slow start", arc(Arc.BUILD_UP)),
                row("steady", arc(Arc.STEADY)),
                row("peak in the middle", arc(Arc.PEAK)),
                row("calm down", arc(Arc.WIND_DOWN)),
                // contradictions
                row("calm workout", relaxed("energy", "'calm'", "'workout'")),
                row("happy sad", relaxed("valence", "'happy'", "'sad'", "relaxed both")),
                row("very happy, sad", relaxed("valence", "'sad' (the weaker)"), higher(VALENCE)),
                row("happy calm", nothingRelaxed()),
                row("no sad songs, very sad", relaxed("valence", "'no sad'")),
                // meaningless
                row("asdf", meaningless(), notUnderstood("asdf")),
                row("purple elephant dishwasher", meaningless(), notUnderstood("purple elephant dishwasher")),
                row("the the the", meaningless(), notUnderstood()),
                row("calm, purple elephant", notUnderstood("purple elephant"), lower(ENERGY)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void readsPromptAsExpected(Row row) {
        PromptAnalysis a = read(row.prompt());
        for (Expect e : row.expects()) {
            e.check().accept(a);
        }
        assertThat(a.interpreter()).isEqualTo("built-in");
        for (var e : a.target().targets().entrySet()) {
            MoodTarget.Range r = a.target().ranges().get(e.getKey());
            assertThat(r.contains(e.getValue())).as(e.getKey() + " " + e.getValue() + " in " + r).isTrue();
        }
    }

    @org.junit.jupiter.api.Test
    void tableHasAtLeastSixtyPrompts() {
        assertThat(rows().count()).isGreaterThanOrEqualTo(60);
    }
}
