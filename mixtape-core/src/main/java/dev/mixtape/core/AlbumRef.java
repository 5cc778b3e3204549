package dev.mixtape.core;

/** An album as a track names it: id and name. */
public record AlbumRef(String id, String name) {
    public AlbumRef {
        Ids.requireValid("album", id);
        if (name == null) {
            throw new InvalidRequestException("album name must not be null");
        }
    }
}
