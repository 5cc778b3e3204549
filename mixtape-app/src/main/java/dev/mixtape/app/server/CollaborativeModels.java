package dev.mixtape.app.server;

import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.core.Catalog;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The collaborative models of one engine's catalog, loaded after the engine is serving (so start-up does
 * not wait for them) and swappable while it serves: today the artist neighbours trained on Last.fm; a
 * model trained on the product's own events can replace them through {@link #artists(ArtistNeighbours, String)},
 * and the {@code collaborative} strategy reads {@link #artists()} like related-artists does.
 *
 * <p>Thread-safe: the table is replaced atomically, and a request keeps the one it read.
 */
public final class CollaborativeModels {
    private final Catalog catalog;
    private volatile ArtistNeighbours artists;
    private volatile String status = "not loaded yet";

    public CollaborativeModels(Catalog catalog) {
        this.catalog = catalog;
    }

    /** The artist neighbours, or null while none are loaded. */
    public ArtistNeighbours artists() {
        return artists;
    }

    /**
     * Serves {@code neighbours} (null: none) from now on.
     *
     * @throws IllegalArgumentException when they were built for another catalog
     */
    public void artists(ArtistNeighbours neighbours, String why) {
        if (neighbours != null && neighbours.catalog() != catalog) {
            throw new IllegalArgumentException("the artist neighbours were built for another catalog");
        }
        this.artists = neighbours;
        this.status = why;
    }

    /** What is loaded, or why nothing is. */
    public String status() {
        return status;
    }

    /**
     * Related artists.
     *
     * @param collaborative whether the list starts with collaborative neighbours
     */
    public record Related(int[] artists, boolean collaborative) {}

    /**
     * Up to {@link RelatedArtists#MAX_RELATED} related artists of {@code artist}: its collaborative neighbours
     * when it has any, best first, topped up with the content-based ones not already listed; otherwise the
     * content-based ones alone.
     */
    public Related related(int artist, RelatedArtists content) {
        ArtistNeighbours n = artists;
        if (n == null || !n.covers(artist)) {
            return new Related(content.of(artist), false);
        }
        int max = RelatedArtists.MAX_RELATED;
        Set<Integer> out = new LinkedHashSet<>();
        for (int a : n.neighbours(artist, max)) {
            out.add(a);
        }
        for (int a : content.of(artist)) {
            if (out.size() == max) {
                break;
            }
            out.add(a);
        }
        return new Related(out.stream().mapToInt(Integer::intValue).toArray(), true);
    }

    @Override
    public String toString() {
        return "CollaborativeModels[" + status + "]";
    }
}
