package dev.mixtape.algo.playlist.prompt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.PromptAnalysis;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Validation, caller overrides, odd input, determinism, thread safety and speed of the built-in interpreter. */
class BuiltInPromptInterpreterEdgeTest {
    private final BuiltInPromptInterpreter interpreter = new BuiltInPromptInterpreter();
    private final Catalog catalog = PromptCatalog.CATALOG;

    @Test
    void decadesAreNamedAsNotAppliedInsteadOfDropped() {
        for (String p : new String[] {"90s rock", "rock from the 1990s", "'80s rock", "eighties rock"}) {
            PromptAnalysis a = interpreter.interpret(p, catalog, null, null);
            assertThat(a.notUnderstood()).as(p).isEmpty();
            assertThat(a.recognised()).as(p).anySatisfy(x -> {
                assertThat(x.kind()).isEqualTo("decade");
                assertThat(x.effect()).contains("no release dates");
            });
            assertThat(a.target().genres()).as(p).containsExactly("rock");
        }
        // a number that is not a decade is not one
        assertThat(interpreter.interpret("95s rock", catalog, null, null).recognised()).noneMatch(x -> x.kind().equals("decade"));
    }

    @Test
    void sceneWordsAskForTheScenesGenres() {
        assertThat(interpreter.interpret("korean party", catalog, null, null).target().genres()).containsExactly("k-pop");
    }

    @Test
    void rejectsEmptyBlankAndMissingPrompts() {
        for (String p : new String[] {null, "", "   \n\t"}) {
            assertThatThrownBy(() -> interpreter.interpret(p, catalog, null, null))
                    .isInstanceOf(InvalidRequestException.class).hasMessage("prompt must not be empty");
        }
    }

    @Test
    void rejectsPromptsOverAThousandCharactersButAcceptsExactlyAThousand() {
        assertThat(interpreter.interpret("calm ".repeat(200), catalog, null, null).meaningless()).isFalse();
        assertThatThrownBy(() -> interpreter.interpret("a".repeat(1001), catalog, null, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("prompt must be at most 1000 characters, got 1001");
        // counted in characters, not UTF-16 units: 1000 emoji are fine
        assertThat(interpreter.interpret("🎵".repeat(1000), catalog, null, null).meaningless()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(ints = {-1, 0, 4, 201, 1000})
    void rejectsLengthsOutsideFiveToTwoHundred(int length) {
        assertThatThrownBy(() -> interpreter.interpret("calm", catalog, length, null))
                .isInstanceOf(InvalidRequestException.class)
                .hasMessage("length must be from 5 to 200, got " + length);
    }

    @Test
    void callerLengthAndArcWinOverThePromptAndSaySo() {
        PromptAnalysis a = interpreter.interpret("20 songs that build up", catalog, 40, Arc.WIND_DOWN);
        assertThat(a.target().length()).isEqualTo(40);
        assertThat(a.target().arc()).isEqualTo(Arc.WIND_DOWN);
        assertThat(a.relaxed()).anySatisfy(s -> assertThat(s).contains("length 40", "'20 songs'"));
        assertThat(a.relaxed()).anySatisfy(s -> assertThat(s).contains("arc wind_down", "'build up'"));
        PromptAnalysis quiet = interpreter.interpret("calm", catalog, 5, Arc.STEADY);
        assertThat(quiet.target().length()).isEqualTo(5);
        assertThat(quiet.relaxed()).isEmpty();
    }

    @Test
    void defaultsAreThirtyTracksAndAPeak() {
        PromptAnalysis a = interpreter.interpret("asdf", catalog, null, null);
        assertThat(a.target().length()).isEqualTo(30);
        assertThat(a.target().arc()).isEqualTo(Arc.PEAK);
        assertThat(a.target().allowExplicit()).isTrue();
        assertThat(a.target().targets()).hasSize(8);
        assertThat(a.target().ranges()).hasSize(8);
    }

    @Test
    void everyRecognisedPhraseSaysWhatItDid() {
        PromptAnalysis a = interpreter.interpret("very calm acoustic rainy morning, no rap, like Adele, 45 minutes, wind down",
                catalog, null, null);
        assertThat(a.recognised()).extracting(PromptAnalysis.Phrase::text)
                .containsExactly("very calm", "acoustic", "rainy", "morning", "no rap", "Adele", "45 minutes", "wind down");
        assertThat(a.recognised()).allSatisfy(p -> assertThat(p.effect()).isNotBlank());
        assertThat(a.recognised().get(0).effect()).contains("energy -", "intensity ×1.5");
        assertThat(a.notUnderstood()).isEmpty();
    }

    @Test
    void worksOnAnEmptyCatalog() {
        PromptAnalysis a = interpreter.interpret("hip hop like Drake, an hour", Catalog.empty(), null, null);
        assertThat(a.target().genres()).isEmpty();
        assertThat(a.unknown()).containsExactly("Drake");
        assertThat(a.target().length()).isEqualTo(17); // 60 min at the default 3.5 min per track
    }

    @Test
    void oddInputNeverThrows() {
        Random rnd = new Random(42);
        String alphabet = "abcdeXYZ 0123456789 &\"'.,;:-–!?()🎵é ";
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder("x");
            int len = rnd.nextInt(80);
            for (int k = 0; k < len; k++) {
                sb.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
            String prompt = sb.toString();
            PromptAnalysis a = interpreter.interpret(prompt, catalog, null, null);
            assertThat(a.target()).as(prompt).isNotNull();
        }
        for (String p : new String[] {"no", "not too", "like", "by", "\"", "\"unterminated quote", "no no no", "very",
                "like, by, without", "5 5 5 songs songs", "0 songs", "0.5 hours", "1e9 songs"}) {
            assertThat(interpreter.interpret(p, catalog, null, null).target()).as(p).isNotNull();
        }
    }

    @Test
    void sameInputSameAnalysisAcrossThreads() throws Exception {
        List<String> prompts = List.of("rainy sunday morning, acoustic, no rap", "calm workout", "like Daft Punk",
                "songs similar to Someone Like You by Adele", "asdf", "an hour of very happy k-pop");
        List<PromptAnalysis> expected = prompts.stream().map(p -> interpreter.interpret(p, catalog, null, null)).toList();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                results.add(pool.submit(() -> {
                    for (int rep = 0; rep < 200; rep++) {
                        for (int k = 0; k < prompts.size(); k++) {
                            if (!interpreter.interpret(prompts.get(k), catalog, null, null).equals(expected.get(k))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> f : results) {
                assertThat(f.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void takesWellUnderAMillisecondPerPrompt() {
        List<String> prompts = new ArrayList<>();
        BuiltInPromptInterpreterTest.rows().forEach(r -> prompts.add(r.prompt()));
        for (int warm = 0; warm < 20; warm++) {
            prompts.forEach(p -> interpreter.interpret(p, catalog, null, null));
        }
        int n = 0;
        long start = System.nanoTime();
        for (int rep = 0; rep < 20; rep++) {
            for (String p : prompts) {
                interpreter.interpret(p, catalog, null, null);
                n++;
            }
        }
        double micros = (System.nanoTime() - start) / 1e3 / n;
        // about 20 µs here; the bound leaves room for a loaded 2-core CI machine
        assertThat(micros).as("µs per prompt").isLessThan(1000);
    }
}
