package dev.mixtape.algo.playlist.prompt;

import static dev.mixtape.algo.playlist.prompt.Effect.calm;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.ACOUSTICNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.INSTRUMENTALNESS;
import static dev.mixtape.algo.playlist.prompt.MoodFeatures.SPEECHINESS;

import java.util.List;

/**
 * Genre aliases: ways people write a genre that the catalog spells differently. Each lists catalog
 * genre names to look for (every one the catalog has is used; the rest are ignored), sometimes with
 * an effect for catalogs that have none of them ("lofi" still sounds calm and instrumental). Genres
 * the catalog spells the usual way ("hip-hop" for "hip hop", "k-pop" for "kpop") need no alias:
 * {@link CatalogLexicon} finds them.
 */
final class GenreWords {
    private GenreWords() {}

    static void register() {
        alias(null, List.of("hip-hop", "rap", "trap", "gangsta-rap", "underground-hip-hop"), "rap", "rapping",
                "rapper", "rappers", "rap music");
        alias(Effect.of(SPEECHINESS, 0.05), List.of("trap", "hip-hop"), "trap music");
        alias(null, List.of("r-n-b", "r&b", "rnb", "r-and-b", "rhythm-and-blues"), "r and b", "r b", "randb",
                "rhythm and blues", "r n b", "r&b music");
        alias(calm(0.5).plus(INSTRUMENTALNESS, 0.2).plus(ACOUSTICNESS, 0.1),
                List.of("lo-fi", "lofi", "chillhop", "lo-fi-beats", "lofi-hip-hop"), "lofi", "lo fi", "low fi",
                "lofi beats", "lo fi beats", "lofi hip hop", "chillhop", "lofi music");
        alias(null, List.of("drum-and-bass", "drum-n-bass", "dnb", "jungle"), "dnb", "d and b", "d n b",
                "drum n bass", "drumnbass", "drum and bass music");
        alias(Effect.of(INSTRUMENTALNESS, 0.3), List.of("classical"), "orchestral", "orchestra", "symphony",
                "symphonic", "classical music", "baroque");
        alias(null, List.of("jazz"), "jazzy");
        alias(null, List.of("blues"), "bluesy");
        alias(null, List.of("folk"), "folky", "folksy");
        alias(null, List.of("punk"), "punky");
        alias(null, List.of("alt-rock", "alternative", "alternative-rock"), "alt rock", "alternative rock", "alt");
        alias(null, List.of("indie-rock", "indie", "alt-rock"), "indie rock");
        alias(null, List.of("classic-rock", "rock", "hard-rock"), "classic rock");
        alias(null, List.of("rock-n-roll", "rockabilly", "oldies"), "rock and roll", "rocknroll", "oldies");
        alias(null, List.of("americana", "country", "folk"), "americana");
        alias(Effect.of(INSTRUMENTALNESS, 0.2), List.of("soundtracks", "soundtrack", "film-score", "movies"),
                "soundtrack", "soundtracks", "film score", "movie soundtrack", "score", "film music");
        alias(null, List.of("synthwave", "synth-pop", "retrowave"), "synthwave", "retrowave", "outrun", "vaporwave");
        alias(null, List.of("bossanova", "bossa-nova", "mpb"), "bossa nova", "bossa");
        alias(null, List.of("gospel", "christian", "worship"), "worship", "christian", "praise");
        alias(null, List.of("electronic", "electronica", "edm"), "electronica", "electronic music");
        alias(null, List.of("afrobeat", "afrobeats"), "afrobeats", "afro beats");
        alias(null, List.of("show-tunes", "broadway", "musicals"), "showtunes", "broadway", "musicals", "musical theatre",
                "musical theater");
        alias(null, List.of("children", "kids"), "nursery rhymes", "kids music", "childrens music");
        alias(null, List.of("world-music"), "world");
        alias(null, List.of("k-pop"), "korean pop");
        alias(null, List.of("j-pop"), "japanese pop", "japanese", "j pop");
        alias(null, List.of("k-pop"), "korean", "k pop");
        alias(null, List.of("indian", "pop-film"), "bollywood", "hindi", "tamil", "telugu", "punjabi", "desi", "filmi",
                "indian music", "indian film");
        alias(null, List.of("french"), "chanson", "french chanson", "french music");
        alias(null, List.of("brazil", "mpb", "samba"), "brazilian", "brazilian music");
        alias(null, List.of("iranian"), "persian");
        alias(null, List.of("cantopop", "mandopop"), "c-pop", "chinese pop", "chinese");
        alias(null, List.of("latin", "latino", "reggaeton", "salsa"), "latin music", "latino music");
        alias(null, List.of("metal", "heavy-metal"), "metal music", "heavy metal music");
        alias(null, List.of("country"), "country music", "cowboy");
        alias(Effect.of(ACOUSTICNESS, 0.3).plus(INSTRUMENTALNESS, 0.3), List.of("piano"), "piano", "solo piano",
                "piano music", "keys");
        alias(Effect.of(ACOUSTICNESS, 0.15), List.of("guitar"), "guitar", "guitars", "guitar music");
    }

    private static void alias(Effect effect, List<String> genres, String... phrases) {
        Vocabulary.add(Vocabulary.Kind.GENRE, "genre", effect, null, genres, null, 1, phrases);
    }
}
