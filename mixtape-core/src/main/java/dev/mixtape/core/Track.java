package dev.mixtape.core;

import java.util.List;
import java.util.Set;

/**
 * One track with its metadata and audio features: the unit of import and of storage. Genres are a
 * set because one track may be listed under several genres.
 */
public record Track(
        String id,
        String name,
        List<ArtistRef> artists,
        AlbumRef album,
        int durationMs,
        boolean explicit,
        int popularity,
        Set<String> genres,
        AudioFeatures features) {

    public Track {
        Ids.requireValid("track", id);
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("track name must not be blank");
        }
        if (artists == null || artists.isEmpty()) {
            throw new InvalidRequestException("a track needs at least one artist");
        }
        if (!Attribute.DURATION_MS.accepts(durationMs) || durationMs == 0) {
            throw new InvalidRequestException("duration_ms must be a positive integer up to 86400000, got " + durationMs);
        }
        if (!Attribute.POPULARITY.accepts(popularity)) {
            throw new InvalidRequestException("popularity must be " + Attribute.POPULARITY.describeRange() + ", got " + popularity);
        }
        artists = List.copyOf(artists);
        genres = Set.copyOf(genres);
    }

    /**
     * This track merged with another listing of it (the same id listed again, say under another
     * genre): the genre sets are united and the higher popularity is kept; everything else is this one's.
     */
    public Track mergedWith(Track other) {
        java.util.Set<String> all = new java.util.TreeSet<>(genres);
        all.addAll(other.genres());
        return new Track(id, name, artists, album, durationMs, explicit, Math.max(popularity, other.popularity()),
                all, features);
    }
}
