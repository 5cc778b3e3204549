package dev.mixtape.connectors.provider;

import java.util.List;

/** An artist as a provider describes it; {@code genres} is empty where the provider keeps none (ReccoBeats). */
public record RemoteArtist(String id, String name, List<String> genres, int popularity) {
    public RemoteArtist {
        genres = List.copyOf(genres);
    }
}
