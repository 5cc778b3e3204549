package dev.mixtape.connectors.provider;

import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import java.util.List;

/**
 * A track as a provider describes it, before audio features are attached.
 *
 * @param album      null when the provider does not say
 * @param durationMs 0 when unknown
 * @param popularity 0–100, 0 when unknown
 */
public record RemoteTrack(String id, String name, List<ArtistRef> artists, AlbumRef album, int durationMs, boolean explicit,
                          int popularity) {
    public RemoteTrack {
        artists = List.copyOf(artists);
    }
}
