package dev.mixtape.algo.playlist.prompt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mixtape.algo.playlist.prompt.PromptText.Token;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class PromptTextTest {
    private static List<String> words(String s) {
        return PromptText.tokenize(s).stream().map(Token::word).toList();
    }

    @Test
    void foldsSplitsAndJoinsLikeNamesAreWritten() {
        assertThat(words("Hip-Hop & R&B, Beyoncé's DON'T stop")).containsExactly("hip", "hop", "and", "r", "and", "b",
                "beyonces", "dont", "stop");
        assertThat(words("1.5 hours, 2h, 120bpm")).containsExactly("1.5", "hours", "2h", "120bpm");
        assertThat(words("Mötley Crüe – Sigur Rós")).containsExactly("motley", "crue", "sigur", "ros");
    }

    @Test
    void marksBreaksQuotesAndCapitals() {
        List<Token> t = PromptText.tokenize("calm, like \"Someone Like You\" - by Adele");
        assertThat(t).extracting(Token::breakBefore).containsExactly(false, true, true, false, false, true, false);
        assertThat(t).extracting(Token::quote).containsExactly(-1, -1, 0, 0, 0, -1, -1);
        assertThat(t).extracting(Token::capitalised).containsExactly(false, false, true, true, true, false, true);
        assertThat(t.get(2).original()).isEqualTo("Someone");
    }

    @Test
    void keyIsTheTokenWordsJoined_onRandomText() {
        long seed = System.nanoTime();
        Random rnd = new Random(seed);
        String alphabet = "abcXYZ019 .,'’&-–\"()éÉøßÆ\u0301🎵ǅ";
        for (int n = 0; n < 20_000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(24);
            for (int k = 0; k < len; k++) {
                sb.appendCodePoint(alphabet.codePointAt(alphabet.offsetByCodePoints(0, rnd.nextInt(alphabet.codePointCount(0, alphabet.length())))));
            }
            String s = sb.toString();
            String expected = PromptText.tokenize(s).stream().map(Token::word).collect(Collectors.joining(" "));
            assertThat(PromptText.key(s)).as("seed " + seed + ", text '" + s + "'").isEqualTo(expected);
        }
    }
}
