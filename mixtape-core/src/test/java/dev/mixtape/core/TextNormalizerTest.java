package dev.mixtape.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

class TextNormalizerTest {

    @Test
    void foldsCaseAndAccents() {
        assertThat(TextNormalizer.fold("Beyoncé")).isEqualTo("beyonce");
        assertThat(TextNormalizer.fold("BEYONCÉ")).isEqualTo("beyonce");
        assertThat(TextNormalizer.fold("Sigur Rós")).isEqualTo("sigur ros");
        assertThat(TextNormalizer.fold("Mötley Crüe")).isEqualTo("motley crue");
        assertThat(TextNormalizer.fold("Hoppípolla")).isEqualTo("hoppipolla");
        assertThat(TextNormalizer.fold("Ça Plane Pour Moi")).isEqualTo("ca plane pour moi");
    }

    @Test
    void foldsLettersThatNfdDoesNotSplit() {
        assertThat(TextNormalizer.fold("Røyksopp")).isEqualTo("royksopp");
        assertThat(TextNormalizer.fold("Straße")).isEqualTo("strasse");
        assertThat(TextNormalizer.fold("STRAẞE")).as("capital sharp s, U+1E9E").isEqualTo("strasse");
        assertThat(TextNormalizer.fold("Æther")).isEqualTo("aether");
        assertThat(TextNormalizer.fold("Œuvre")).isEqualTo("oeuvre");
        assertThat(TextNormalizer.fold("Łódź")).isEqualTo("lodz");
        assertThat(TextNormalizer.fold("Đorđe")).isEqualTo("dorde");
    }

    @Test
    void punctuationRunsBecomeOneSpaceAndEndsAreTrimmed() {
        assertThat(TextNormalizer.fold("AC/DC")).isEqualTo("ac dc");
        assertThat(TextNormalizer.fold("  Hello,   World!! ")).isEqualTo("hello world");
        assertThat(TextNormalizer.fold("P!nk")).isEqualTo("p nk");
        assertThat(TextNormalizer.fold("Don't Stop Me Now")).isEqualTo("don t stop me now");
        assertThat(TextNormalizer.fold("Blink-182")).isEqualTo("blink 182");
        assertThat(TextNormalizer.fold("!!!")).isEmpty();
    }

    @Test
    void lettersOutsideTheBasicPlaneAreKept() {
        // U+20BB7 (𠮷) is one letter written as two chars; folding must keep it, not drop both halves.
        assertThat(TextNormalizer.fold("\uD842\uDFB7野家")).isEqualTo("\uD842\uDFB7野家");
        assertThat(TextNormalizer.tokens("\uD842\uDFB7 Song")).containsExactly("\uD842\uDFB7", "song");
    }

    @Test
    void emptyAndNullFoldToEmpty() {
        assertThat(TextNormalizer.fold(null)).isEmpty();
        assertThat(TextNormalizer.fold("")).isEmpty();
        assertThat(TextNormalizer.tokens(null)).isEmpty();
        assertThat(TextNormalizer.tokens(" -- ")).isEmpty();
    }

    @Test
    void tokensAreTheFoldedWords() {
        assertThat(TextNormalizer.tokens("Daft Punk – Get Lucky (feat. Pharrell)"))
                .containsExactly("daft", "punk", "get", "lucky", "feat", "pharrell");
        assertThat(TextNormalizer.tokens("Beyoncé")).containsExactly("beyonce");
    }

    @Test
    void keepsNonLatinLetters() {
        assertThat(TextNormalizer.fold("Кино")).isEqualTo("кино");
        assertThat(TextNormalizer.fold("坂本 龍一")).isEqualTo("坂本 龍一");
    }

    /** Property over random strings (full BMP, plus accented Latin and punctuation), seed logged. */
    @Test
    void foldIsIdempotentWellFormedAndCaseBlind() {
        long seed = new Random().nextLong();
        System.out.println("TextNormalizerTest seed=" + seed);
        Random rnd = new Random(seed);
        String latin = "abcxyzABCXYZ0189éÉüÜñÑçÇøØßæÆœŒłŁ ,.-'!?/()&";
        for (int i = 0; i < 2000; i++) {
            StringBuilder sb = new StringBuilder();
            int len = rnd.nextInt(20);
            boolean wild = i % 2 == 0;
            for (int k = 0; k < len; k++) {
                sb.append(wild && rnd.nextInt(3) == 0 ? (char) rnd.nextInt(0xD800) : latin.charAt(rnd.nextInt(latin.length())));
            }
            String s = sb.toString();
            String once = TextNormalizer.fold(s);
            assertThat(TextNormalizer.fold(once)).as("fold(fold(%s)), seed %d", s, seed).isEqualTo(once);
            assertThat(once).as("fold(%s), seed %d", s, seed)
                    .doesNotStartWith(" ").doesNotEndWith(" ").doesNotContain("  ");
            assertThat(TextNormalizer.tokens(s)).as("tokens(%s), seed %d", s, seed)
                    .isEqualTo(once.isEmpty() ? List.of() : List.of(once.split(" ")));
            if (!wild) {
                assertThat(TextNormalizer.fold(s.toUpperCase(Locale.ROOT))).as("case of %s, seed %d", s, seed)
                        .isEqualTo(TextNormalizer.fold(s.toLowerCase(Locale.ROOT)));
                assertThat(once).as("fold(%s), seed %d", s, seed).matches("[a-z0-9 ]*");
            }
        }
    }
}
