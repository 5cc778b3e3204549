package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.Effect.calm;
import static dev.mixtape.algo.playlist.prompt.Effect.energetic;
import static dev.mixtape.algo.playlist.prompt.Effect.happy;
import static dev.mixtape.algo.playlist.prompt.Effect.sad;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.ACOUSTICNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.DANCEABILITY;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.INSTRUMENTALNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.LOUDNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.SPEECHINESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.TEMPO;
import static dev.mixtape.algo.playlist.prompt.Vocabulary.effect;

/**
 * Context words: activities, times of day, weather and seasons, each a mix of the calibrated moods
 * plus a few direct changes (a workout wants 15 BPM more than Energetic alone; studying wants fewer
 * vocals). The mixes are design choices, written down in docs/PROMPTS.md.
 */
final class ContextWords {
    private ContextWords() {}

    static void register() {
        activities();
        times();
        weather();
    }

    private static void activities() {
        effect("activity", energetic(1.2).plus(TEMPO, 15).plus(DANCEABILITY, 0.05), "workout", "work out",
                "working out", "gym", "exercise", "exercising", "training", "lifting", "weightlifting", "weights",
                "cardio", "hiit", "crossfit", "spinning", "spin class", "boxing", "pump iron", "sweat");
        effect("activity", energetic(1).plus(TEMPO, 25), "running", "run", "jogging", "jog", "sprint",
                "sprinting", "marathon", "treadmill");
        effect("activity", energetic(0.8).plus(TEMPO, 10), "cycling", "biking", "bike ride", "bike");
        effect("activity", happy(0.4).and(energetic(0.3)), "walking", "walk", "stroll", "hiking", "hike");
        effect("activity", energetic(0.8).and(happy(0.6)).plus(DANCEABILITY, 0.15), "party", "parties", "partying",
                "house party", "happy hour", "clubbing", "pregame", "pre game", "pregaming", "night out", "going out", "birthday");
        effect("activity", energetic(1.1).plus(DANCEABILITY, 0.15).plus(ACOUSTICNESS, -0.15), "rave", "raving",
                "festival");
        effect("activity", calm(0.6).plus(INSTRUMENTALNESS, 0.3).plus(SPEECHINESS, -0.02), "study", "studying",
                "homework", "exam", "exams", "revision", "revising", "reading", "learning", "concentration",
                "concentrate");
        effect("activity", calm(0.4).plus(INSTRUMENTALNESS, 0.3).plus(SPEECHINESS, -0.02), "focus", "focused",
                "focusing", "deep work", "work", "working", "coding", "programming", "writing", "office",
                "productivity", "productive");
        effect("activity", calm(1.3).plus(INSTRUMENTALNESS, 0.2).plus(LOUDNESS, -2), "sleep", "sleeping", "bedtime",
                "bed time", "fall asleep", "falling asleep", "asleep", "nap", "napping", "insomnia", "drift off");
        effect("activity", calm(1.1).plus(INSTRUMENTALNESS, 0.25), "meditation", "meditate", "meditating",
                "mindfulness", "breathing", "spa", "massage", "healing");
        effect("activity", calm(1).plus(INSTRUMENTALNESS, 0.2), "yoga", "stretching", "pilates", "tai chi");
        effect("activity", energetic(0.5).and(happy(0.4)), "driving", "drive", "car", "cruising", "cruise",
                "car ride", "highway");
        effect("activity", happy(0.6).and(energetic(0.5)), "road trip", "roadtrip", "travel", "travelling",
                "traveling", "vacation", "holiday trip");
        effect("activity", energetic(0.3).and(happy(0.2)), "commute", "commuting", "train ride", "bus ride");
        effect("activity", happy(0.5).and(calm(0.2)), "cooking", "cook", "baking", "kitchen");
        effect("activity", happy(0.4).and(calm(0.4)), "dinner", "dinner party", "lunch", "brunch", "hanging out",
                "friends");
        effect("activity", happy(0.5).and(energetic(0.5)), "cleaning", "chores", "housework", "tidying");
        effect("activity", energetic(0.6).plus(INSTRUMENTALNESS, 0.2), "gaming", "video games", "games");
        effect("activity", calm(0.5).and(happy(0.4)), "date", "date night", "wedding dance");
        effect("activity", happy(0.8).plus(DANCEABILITY, 0.1), "wedding", "bbq", "barbecue", "picnic");
        effect("activity", happy(0.5).and(energetic(0.3)), "shower", "getting ready");
        effect("activity", calm(0.5).and(happy(0.2)).plus(ACOUSTICNESS, 0.2), "coffee", "cafe", "coffee shop",
                "coffeehouse", "tea");
        effect("activity", calm(0.3).plus(INSTRUMENTALNESS, 0.1), "background", "dinner background");
    }

    private static void times() {
        effect("time", happy(0.4).and(calm(0.3)).plus(ACOUSTICNESS, 0.1), "morning", "mornings", "sunrise", "dawn",
                "breakfast", "early morning");
        effect("time", happy(0.4).and(energetic(0.4)), "wake up", "waking up", "wakeup");
        effect("time", happy(0.2), "afternoon", "midday");
        effect("time", calm(0.4).and(happy(0.2)), "evening", "evenings", "sunset", "dusk", "golden hour", "twilight");
        effect("time", calm(0.3), "night", "nighttime", "tonight", "nights");
        effect("time", calm(0.6).and(sad(0.3)), "late night", "midnight", "after hours", "small hours", "2am",
                "3am", "4am", "late");
        effect("time", happy(0.5).and(energetic(0.4)), "weekend", "saturday", "friday", "friday night",
                "saturday night");
        effect("time", calm(0.6).and(happy(0.2)).plus(ACOUSTICNESS, 0.1), "sunday", "lazy sunday", "sunday morning");
        effect("time", energetic(0.4), "monday");
    }

    private static void weather() {
        effect("weather", sad(0.4).and(calm(0.5)).plus(ACOUSTICNESS, 0.15), "rainy", "rain", "raining", "rainy day",
                "drizzle", "cloudy", "grey", "gray", "overcast", "foggy", "misty");
        effect("weather", sad(0.5).and(energetic(0.4)), "stormy", "storm", "thunder", "thunderstorm");
        effect("weather", happy(0.8).and(energetic(0.2)), "sunny", "sunshine", "sun", "sunny day", "blue sky",
                "clear sky");
        effect("weather", happy(0.7).and(calm(0.3)).plus(DANCEABILITY, 0.05), "beach", "tropical", "pool",
                "poolside", "island");
        effect("season", happy(0.7).and(energetic(0.4)).plus(DANCEABILITY, 0.1), "summer", "summertime", "summery",
                "heatwave", "hot");
        effect("season", calm(0.5).and(sad(0.3)).plus(ACOUSTICNESS, 0.15), "winter", "wintery", "wintry", "snow",
                "snowy", "cold", "freezing");
        effect("season", happy(0.6).and(calm(0.3)).plus(ACOUSTICNESS, 0.1), "christmas", "xmas", "holiday",
                "holidays", "festive");
        effect("season", calm(0.5).and(sad(0.3)).plus(ACOUSTICNESS, 0.15), "autumn", "autumnal", "fall");
        effect("season", happy(0.6).and(calm(0.2)), "spring", "springtime");
    }
}
