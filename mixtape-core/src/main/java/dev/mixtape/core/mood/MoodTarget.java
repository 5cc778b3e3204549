package dev.mixtape.core.mood;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.InvalidRequestException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a playlist should sound like, as read from a prompt: the product of a {@link PromptInterpreter}
 * and the input of playlist generation.
 *
 * @param targets         preferred value per attribute (valence, energy, danceability, acousticness,
 *                        instrumentalness, speechiness, tempo, loudness), within the attribute's range
 * @param ranges          soft bounds per attribute (a track outside is penalised, not excluded)
 * @param genres          wanted genres (catalog genre names); empty = any
 * @param excludedGenres  genres never to include
 * @param artists         mentioned artists (catalog artist ids), used as anchors
 * @param excludedArtists artists never to include (catalog artist ids)
 * @param tracks          mentioned tracks (catalog track ids), used as anchors
 * @param allowExplicit   false when the prompt asks for nothing explicit
 * @param length          number of tracks, 5–200
 * @param arc             the energy shape
 */
public record MoodTarget(Map<Attribute, Double> targets, Map<Attribute, Range> ranges, Set<String> genres,
                         Set<String> excludedGenres, List<String> artists, Set<String> excludedArtists,
                         List<String> tracks, boolean allowExplicit, int length, Arc arc) {
    public static final int MIN_LENGTH = 5;
    public static final int MAX_LENGTH = 200;
    public static final int DEFAULT_LENGTH = 30;

    /** A closed interval of attribute values. */
    public record Range(double min, double max) {
        public Range {
            if (!(min <= max)) {
                throw new InvalidRequestException("range min " + min + " is greater than max " + max);
            }
        }

        public boolean contains(double v) {
            return v >= min && v <= max;
        }
    }

    public MoodTarget {
        targets = Map.copyOf(targets);
        ranges = Map.copyOf(ranges);
        genres = Set.copyOf(genres);
        excludedGenres = Set.copyOf(excludedGenres);
        artists = List.copyOf(artists);
        excludedArtists = Set.copyOf(excludedArtists);
        tracks = List.copyOf(tracks);
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidRequestException("length must be from " + MIN_LENGTH + " to " + MAX_LENGTH + ", got " + length);
        }
        for (Map.Entry<Attribute, Double> e : targets.entrySet()) {
            if (!e.getKey().accepts(e.getValue()) && !(e.getKey().isInteger() && e.getKey().accepts(Math.rint(e.getValue())))) {
                throw new InvalidRequestException("target " + e.getKey().wireName() + " must be "
                        + e.getKey().describeRange() + ", got " + e.getValue());
            }
        }
        if (arc == null) {
            throw new InvalidRequestException("arc must not be null");
        }
    }
}
