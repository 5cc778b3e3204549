package dev.mixtape.app.cli;

import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.connectors.http.LocalRemoteCache;
import dev.mixtape.connectors.provider.MusicProvider;
import dev.mixtape.connectors.provider.Providers;
import dev.mixtape.connectors.provider.RemoteTrack;
import dev.mixtape.connectors.workflow.TrackEnricher;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.MixtapeException;
import dev.mixtape.core.Track;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcCatalogStore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code ./mixtape import provider}: tracks from the configured provider (Spotify, ReccoBeats) into the catalog store. */
@Command(name = "provider", mixinStandardHelpOptions = true,
        description = {"Import tracks from the configured provider (provider=spotify, reccobeats or spotify+reccobeats; see",
            "docs/PROVIDERS.md) into the catalog: details, audio features and the primary artist's genres, fetched in batches",
            "through the provider's caches and limits. Tracks without audio features are skipped and counted.",
            "Examples: mixtape import provider --ids ids.txt    mixtape import provider --search \"daft punk\" --limit 50"})
final class ImportProviderCommand implements Callable<Integer> {
    static final class Source {
        @Option(names = "--ids", paramLabel = "FILE", description = "A file of track ids, one per line or comma-separated (# starts a comment).")
        Path ids;

        @Option(names = "--search", paramLabel = "QUERY", description = "Tracks matching a search (needs a provider that searches tracks).")
        String search;

        @Option(names = "--artist", paramLabel = "NAME", description = "The top tracks of the best matching artist.")
        String artist;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "50", description = "Search results to import, 1-50 (default ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    ConfigOptions options;

    @Override
    public Integer call() throws Exception {
        MixtapeConfig cfg = options.load(Map.of());
        if (cfg.providers().local()) {
            throw new MixtapeException("provider is 'local': set provider=spotify, reccobeats or spotify+reccobeats (MIXTAPE_PROVIDER) to import "
                    + "from a remote catalog; for the dataset file use 'mixtape import spotify-tracks FILE'");
        }
        if (limit < 1 || limit > 50) {
            throw new InvalidRequestException("--limit must be from 1 to 50, got " + limit);
        }
        MusicProvider provider = Providers.create(cfg.providers(), () -> {
            throw new IllegalStateException("not used");
        }, new LocalRemoteCache(100_000), new SimpleMeterRegistry());
        long start = System.nanoTime();
        List<String> ids = ids(provider);
        if (ids.isEmpty()) {
            System.out.println("nothing to import: no track ids");
            return 1;
        }
        List<String> steps = new ArrayList<>();
        Map<String, Track> tracks = new TrackEnricher(provider, true).enrich(ids, Map.of(), steps);
        try (Database db = Catalogs.open(cfg)) {
            JdbcCatalogStore.UpsertStats st = new JdbcCatalogStore(db.dataSource()).upsert(new ArrayList<>(tracks.values()), dev.mixtape.storage.importer.ProgressListener.NONE);
            System.out.printf("Imported from %s in %.1f s%n", provider.name(), (System.nanoTime() - start) / 1e9);
            System.out.printf("  ids asked:          %,d%n", ids.size());
            System.out.printf("  tracks with features: %,d (skipped %,d: unknown, or no audio features)%n", tracks.size(), ids.size() - tracks.size());
            System.out.printf("  store:              %,d inserted, %,d updated, %,d unchanged%n", st.inserted(), st.updated(), st.unchanged());
            steps.forEach(s -> System.out.println("  " + s));
        }
        return tracks.isEmpty() ? 1 : 0;
    }

    private List<String> ids(MusicProvider provider) throws java.io.IOException {
        if (source.ids != null) {
            if (!Files.isRegularFile(source.ids)) {
                throw new InvalidRequestException("--ids: no such file: " + source.ids);
            }
            LinkedHashSet<String> out = new LinkedHashSet<>();
            for (String line : Files.readAllLines(source.ids)) {
                String l = line.contains("#") ? line.substring(0, line.indexOf('#')) : line;
                for (String id : l.split("[,\\s]+")) {
                    if (!id.isBlank()) {
                        out.add(dev.mixtape.core.Ids.requireValid("track", id.strip()));
                    }
                }
            }
            return new ArrayList<>(out);
        }
        if (source.search != null) {
            require(provider, MusicProvider.Capability.SEARCH_TRACKS);
            return provider.searchTracks(source.search, limit).stream().map(RemoteTrack::id).toList();
        }
        require(provider, MusicProvider.Capability.SEARCH_ARTISTS);
        var found = provider.searchArtists(source.artist, 1);
        if (found.isEmpty()) {
            throw new InvalidRequestException("no artist matches '" + source.artist + "' at " + provider.name());
        }
        require(provider, MusicProvider.Capability.ARTIST_TOP_TRACKS);
        Map<String, RemoteTrack> top = new LinkedHashMap<>();
        provider.artistTopTracks(found.get(0).id()).forEach(t -> top.put(t.id(), t));
        return new ArrayList<>(top.keySet());
    }

    private static void require(MusicProvider p, MusicProvider.Capability c) {
        if (!p.can(c)) {
            throw MusicProvider.unsupported(p.name(), c);
        }
    }
}
