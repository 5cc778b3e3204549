package dev.mixtape.core;

/** An artist as a track names it: id and name. */
public record ArtistRef(String id, String name) {
    public ArtistRef {
        Ids.requireValid("artist", id);
        if (name == null || name.isBlank()) {
            throw new InvalidRequestException("artist name must not be blank");
        }
    }
}
