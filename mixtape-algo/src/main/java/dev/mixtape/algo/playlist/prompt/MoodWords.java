package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.Effect.calm;
import static dev.mixtape.algo.playlist.prompt.Effect.energetic;
import static dev.mixtape.algo.playlist.prompt.Effect.happy;
import static dev.mixtape.algo.playlist.prompt.Effect.sad;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.ACOUSTICNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.DANCEABILITY;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.ENERGY;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.INSTRUMENTALNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.LOUDNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.SPEECHINESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.TEMPO;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.effect;

import java.util.List;

/**
 * Mood words and sound words. A mood word is a mix of the four calibrated moods ({@link Effect#mood}:
 * "sad" is exactly the Sad centroid, "melancholic" too, "upbeat" is 0.7 Happy + 0.6 Energetic), a
 * sound word a direct change ("acoustic": acousticness +0.35). docs/PROMPTS.md lists them all.
 */
final class MoodWords {
    private MoodWords() {}

    static void register() {
        effect("mood", happy(1), "happy", "happier", "cheerful", "joyful", "joyous", "glad", "feel good", "feelgood",
                "good mood", "good vibes", "uplifting", "positive", "bright", "fun", "playful", "carefree",
                "optimistic", "jolly", "merry", "bubbly", "delightful", "blissful", "sunny side");
        effect("mood", happy(0.6), "hopeful", "warm", "sweet", "lighthearted", "light hearted");
        effect("mood", happy(1.3).and(energetic(0.3)), "euphoric", "ecstatic", "elated");
        effect("mood", happy(0.7).and(energetic(0.6)), "upbeat", "lively", "peppy", "celebratory", "celebration");
        effect("mood", happy(0.5).and(energetic(0.5)).plus(DANCEABILITY, 0.1), "bouncy");
        effect("mood", sad(1), "sad", "sadder", "sadness", "melancholy", "melancholic", "melancholia", "gloomy",
                "somber", "sombre", "mournful", "sorrowful", "blue", "heartbreak", "breakup", "break up");
        effect("mood", sad(0.8), "down", "lonely", "alone", "emotional", "hurt");
        effect("mood", sad(1.3), "depressing", "depressed", "heartbroken", "crying", "cry", "tears", "tearjerker",
                "grief", "grieving", "devastated", "miserable");
        effect("mood", sad(0.5).and(happy(0.3)), "bittersweet");
        effect("mood", sad(0.3).and(calm(0.3)).plus(ACOUSTICNESS, 0.1), "nostalgic", "nostalgia", "memories", "throwback");
        effect("mood", sad(0.5).and(calm(0.3)), "wistful", "longing", "yearning");
        effect("mood", sad(0.3).and(calm(0.5)), "pensive", "reflective", "introspective", "contemplative", "thoughtful");
        effect("mood", sad(0.7).and(energetic(0.3)), "dark", "brooding", "ominous", "eerie", "creepy", "haunting",
                "spooky", "sinister", "moody", "gritty");
        effect("mood", energetic(1), "energetic", "energy", "energizing", "energising", "high energy", "hype",
                "hyped", "pumped", "pumped up", "powerful", "intense", "exciting", "excited", "fierce",
                "explosive", "banger", "bangers", "hard hitting");
        effect("mood", energetic(1.3), "adrenaline", "wild", "frantic", "max energy");
        effect("mood", energetic(1.2).and(sad(1)).plus(LOUDNESS, 2), "aggressive", "angry", "anger", "rage",
                "furious", "raging");
        effect("mood", energetic(0.8).plus(LOUDNESS, 2).plus(ACOUSTICNESS, -0.1), "heavy", "hard", "loud and heavy");
        effect("mood", energetic(0.7).and(happy(0.6)), "confident", "empowering", "empowered", "motivational",
                "motivating", "motivation", "inspiring", "inspirational", "feel strong", "badass");
        effect("mood", energetic(0.7).and(happy(0.3)).plus(INSTRUMENTALNESS, 0.15), "epic", "triumphant", "anthemic",
                "heroic", "majestic", "anthem", "anthems");
        effect("mood", calm(0.2).plus(INSTRUMENTALNESS, 0.3), "cinematic", "soundtrack like", "filmic");
        effect("mood", calm(1), "calm", "calmer", "calming", "relaxing", "relaxed", "relax", "relaxation", "mellow",
                "peaceful", "soothing", "serene", "tranquil", "gentle", "unwind", "unwinding", "chilled", "chillout",
                "chill out", "laid back", "laidback", "easygoing", "tender", "restful");
        effect("mood", calm(0.8).and(happy(0.1)), "chill", "chilling", "chilly vibes", "chillax");
        effect("mood", calm(1.2), "zen", "sleepy", "lullaby", "lullabies", "ambient vibes");
        effect("mood", calm(0.7).plus(LOUDNESS, -2), "soft", "softer", "delicate", "hushed");
        effect("mood", calm(0.6).plus(LOUDNESS, -3), "quiet", "quieter");
        effect("mood", calm(0.5).and(happy(0.3)), "easy listening", "easy", "smooth", "breezy");
        effect("mood", calm(0.6).and(happy(0.3)).plus(ACOUSTICNESS, 0.1), "cozy", "cosy", "comfy", "hygge");
        effect("mood", calm(0.8), "lazy", "low energy", "low key", "lowkey");
        effect("mood", calm(0.7).plus(INSTRUMENTALNESS, 0.1), "dreamy", "floaty", "hazy");
        effect("mood", calm(0.8).plus(INSTRUMENTALNESS, 0.15), "ethereal", "atmospheric", "spacey", "spacy");
        effect("mood", calm(0.3).plus(INSTRUMENTALNESS, 0.2), "hypnotic", "trippy", "psychedelic");
        effect("mood", calm(0.5).and(happy(0.4)), "romantic", "love songs", "love song", "in love", "intimate",
                "passionate", "affectionate");
        effect("mood", calm(0.4).and(happy(0.2)).plus(DANCEABILITY, 0.1), "sexy", "sensual", "sultry", "seductive");
        effect("mood", happy(0.4).plus(DANCEABILITY, 0.15), "groovy", "groove", "funky", "grooving");

        effect("feature", Effect.of(ACOUSTICNESS, 0.35), "acoustic", "acoustics", "organic", "stripped back");
        effect("feature", Effect.of(ACOUSTICNESS, 0.4).plus(ENERGY, -0.05), "unplugged", "stripped", "stripped down");
        effect("feature", Effect.of(ACOUSTICNESS, -0.3), "electric", "synth", "synths", "synthy", "synthetic",
                "electronic sounding", "digital");
        effect("feature", Effect.of(INSTRUMENTALNESS, 0.45).plus(SPEECHINESS, -0.02), "instrumental",
                "instrumentals", "wordless");
        Effect vocal = Effect.of(INSTRUMENTALNESS, -0.25);
        Vocabulary.add(Vocabulary.Kind.EFFECT, "feature", vocal,
                Effect.of(INSTRUMENTALNESS, 0.45).plus(SPEECHINESS, -0.02), List.of(), null, 1,
                "vocal", "vocals", "singing", "singer", "singers", "sung", "lyrics", "lyrical", "words", "voice",
                "voices", "vocalist", "talking");
        effect("feature", Effect.of(SPEECHINESS, 0.15).plus(INSTRUMENTALNESS, -0.2), "spoken word", "spoken",
                "rapped", "bars");
        effect("feature", Effect.of(TEMPO, 22).plus(ENERGY, 0.08), "fast", "faster", "quick", "speedy", "uptempo",
                "up tempo", "high tempo", "fast paced", "fast tempo", "driving beat");
        effect("feature", Effect.of(TEMPO, -22).plus(ENERGY, -0.08), "slow", "slower", "slow tempo", "downtempo",
                "down tempo", "low tempo", "slow paced", "slowed", "slow jams", "slow jam");
        effect("feature", Effect.of(LOUDNESS, 3).plus(ENERGY, 0.05), "loud", "louder", "blasting", "noisy", "noise");
        effect("feature", Effect.of(DANCEABILITY, 0.18).and(energetic(0.2)), "danceable", "dance", "dancing",
                "dancey", "dancy", "dance floor", "dancefloor", "to dance to");
    }
}
