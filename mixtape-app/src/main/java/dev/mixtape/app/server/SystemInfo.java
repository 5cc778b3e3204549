package dev.mixtape.app.server;

import dev.mixtape.algo.content.Scenes;
import dev.mixtape.app.config.MixtapeConfig;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /api/v1/system}: what the server learns from and under which licence (the datasets of the data folder it
 * uses), which models serve, and the scenes its catalog's artists fall into (docs/API.md, "System"). Thread-safe.
 */
final class SystemInfo {
    /** A dataset mixtape can learn from: its folder under the data directory, what it is used for and its licence as stated. */
    record Dataset(String folder, String use, String licence) {}

    static final List<Dataset> DATASETS = List.of(
            new Dataset("spotify-tracks-114k", "the catalog: tracks, artists, genres and audio features",
                    "ODbL 1.0 (Kaggle page); \"bsd\" (Hugging Face card); Spotify API data"),
            new Dataset("lastfm-hetrec2011-2k", "co-listening of 1,892 listeners: related artists, /v1 seeds, similar tracks, "
                    + "playlists like an artist, and the listening model's extra listeners",
                    "non-commercial use only (HetRec 2011 readme: contact Last.fm for commercial use)"));

    private final MixtapeConfig config;
    private final EngineHolder engines;

    SystemInfo(MixtapeConfig config, EngineHolder engines) {
        this.config = config;
        this.engines = engines;
    }

    Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("catalog", engines.ready() ? engines.get().catalog().size() + " tracks, " + engines.get().catalog().artistCount() + " artists"
                : engines.status());
        List<Map<String, Object>> datasets = new ArrayList<>();
        for (Dataset d : DATASETS) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", d.folder());
            m.put("present", Files.isDirectory(config.dataDir().resolve(d.folder())));
            m.put("used_for", d.use());
            m.put("licence", d.licence());
            datasets.add(m);
        }
        out.put("datasets", datasets);
        if (engines.ready()) {
            Engine e = engines.get();
            Map<String, Object> models = new LinkedHashMap<>();
            models.put("artist_neighbours", e.cf().status());
            models.put("listening", e.cf().listeningStatus());
            models.put("artist_embeddings", e.cf().embeddingsStatus());
            out.put("models", models);
            Scenes scenes = e.related().scenes();
            int[] counts = scenes.memberCounts();
            Map<String, Object> s = new LinkedHashMap<>();
            for (Scenes.Scene sc : Scenes.Scene.values()) {
                s.put(sc.label(), Map.of("artists", counts[sc.ordinal()], "genres", sc.genres()));
            }
            out.put("scenes", s);
        }
        return out;
    }
}
