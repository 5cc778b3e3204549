package dev.mixtape.app.lastfm;

import dev.mixtape.algo.cf.ArtistModelFiles;
import dev.mixtape.algo.cf.ArtistNeighbours;
import dev.mixtape.core.Catalog;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Loads the artist model {@link LastFmImport} saved, for one catalog. It is used when every artist it
 * maps is in the catalog; when the catalog's artist set changed since the import (an upsert added
 * artists), it is still used but the status says so, since new artists can only be matched by importing
 * again. A model naming artists the catalog lacks (trained against another catalog), or a damaged one,
 * is not used. Never throws: the reason is in the status. Stateless.
 */
public final class ArtistModelLoader {
    private ArtistModelLoader() {}

    /**
     * @param neighbours the served table, null when there is none to use
     * @param status     one line for logs: what was loaded, or why nothing was
     */
    public record Result(ArtistNeighbours neighbours, String status) {}

    public static Result load(Path modelsDir, Catalog catalog) {
        String file = ArtistModelFiles.manifest(modelsDir, LastFmImport.MODEL_NAME).toString();
        Optional<ArtistModelFiles.Saved<dev.mixtape.algo.cf.ItemKnnModel>> saved;
        try {
            saved = ArtistModelFiles.load(modelsDir, LastFmImport.MODEL_NAME);
        } catch (IOException | RuntimeException e) {
            return new Result(null, "the artist model is not used: " + e.getMessage()
                    + "; run 'mixtape import lastfm DIR' again");
        }
        if (saved.isEmpty()) {
            return new Result(null, "no artist model (" + file + "); 'mixtape import lastfm DIR' trains one");
        }
        ArtistModelFiles.Saved<dev.mixtape.algo.cf.ItemKnnModel> s = saved.get();
        List<String> ids = s.artistIds();
        int[] artists = new int[ids.size()];
        int missing = 0;
        String example = null;
        for (int i = 0; i < artists.length; i++) {
            artists[i] = catalog.artistIndexOf(ids.get(i));
            if (artists[i] < 0) {
                missing++;
                example = example == null ? ids.get(i) : example;
            }
        }
        if (missing > 0) {
            return new Result(null, "the artist model " + file + " is not used: " + missing + " of its " + artists.length
                    + " artists (such as " + example + ") are not in the catalog, so it was trained against another "
                    + "catalog; run 'mixtape import lastfm DIR' again");
        }
        String source = s.info().getOrDefault("dataset", "?") + " " + s.info().getOrDefault("model", "?")
                + " (" + s.info().getOrDefault("created", "?") + ")";
        ArtistNeighbours n;
        try {
            n = ArtistNeighbours.fromItemKnn(catalog, source, s.model(), artists);
        } catch (IllegalArgumentException e) {
            return new Result(null, "the artist model " + file + " is not used: " + e.getMessage());
        }
        String status = "artist model " + source + ": " + n.coveredArtists() + " catalog artists covered";
        if (!s.catalogSignature().equals(ArtistModelFiles.catalogSignature(catalog))) {
            status += "; the catalog changed since the import (" + s.catalogArtists() + " artists then, "
                    + catalog.artistCount() + " now): run 'mixtape import lastfm DIR' again to match new artists";
        }
        return new Result(n, status);
    }

    /**
     * The listener tags of catalog artists {@link LastFmImport} saved ({@value LastFmImport#TAGS_FILE}), or null when
     * there are none (an import older than the tags, or none at all) or the file cannot be read ({@code problem} hears why).
     */
    public static dev.mixtape.algo.learn.ArtistTags tags(Path modelsDir, Catalog catalog, java.util.function.Consumer<String> problem) {
        Path file = modelsDir.resolve(LastFmImport.TAGS_FILE);
        if (!java.nio.file.Files.isRegularFile(file)) {
            return null;
        }
        try {
            return dev.mixtape.algo.learn.ArtistTags.read(file, catalog).tags();
        } catch (IOException | RuntimeException e) {
            problem.accept("artist tags not used: " + e.getMessage() + "; run 'mixtape import lastfm DIR' again");
            return null;
        }
    }

    /**
     * Serves from {@code cf} what an import saved under {@code modelsDir}: the artist neighbours (or none, the status
     * saying why) and the artists' tags ({@code problem} hears why they are not used, when they are there but unreadable).
     */
    public static Result serve(dev.mixtape.app.server.CollaborativeModels cf, Path modelsDir, java.util.function.Consumer<String> problem) {
        Catalog catalog = cf.catalog();
        Result r = load(modelsDir, catalog);
        cf.artists(r.neighbours(), r.status());
        cf.tags(tags(modelsDir, catalog, problem));
        return r;
    }
}
