package dev.mixtape.core;

/**
 * Spotify-style audio features of one track. The compact constructor checks every value against
 * {@link Attribute}'s range and names the first one that is off.
 */
public record AudioFeatures(
        double acousticness,
        double danceability,
        double energy,
        double instrumentalness,
        double liveness,
        double speechiness,
        double valence,
        int key,
        int mode,
        double loudness,
        double tempo,
        int timeSignature) {

    public AudioFeatures {
        check(Attribute.ACOUSTICNESS, acousticness);
        check(Attribute.DANCEABILITY, danceability);
        check(Attribute.ENERGY, energy);
        check(Attribute.INSTRUMENTALNESS, instrumentalness);
        check(Attribute.LIVENESS, liveness);
        check(Attribute.SPEECHINESS, speechiness);
        check(Attribute.VALENCE, valence);
        check(Attribute.KEY, key);
        check(Attribute.MODE, mode);
        check(Attribute.LOUDNESS, loudness);
        check(Attribute.TEMPO, tempo);
        check(Attribute.TIME_SIGNATURE, timeSignature);
    }

    private static void check(Attribute a, double v) {
        if (!a.accepts(v)) {
            throw new InvalidRequestException(a.wireName() + " must be " + a.describeRange() + ", got " + v);
        }
    }
}
