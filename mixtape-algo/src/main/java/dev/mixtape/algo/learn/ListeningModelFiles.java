package dev.mixtape.algo.learn;

import dev.mixtape.algo.cf.ArtistModelFiles;
import dev.mixtape.algo.cf.ImplicitAlsModel;
import dev.mixtape.algo.cf.ModelArtifacts;
import dev.mixtape.core.Catalog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Listening models on disk, one version per training: {@code listening-v0001}, {@code listening-v0002}, ... under
 * the models folder, each saved by {@link ArtistModelFiles} (model, artist mapping, manifest written last, every
 * file checksummed), so a half-written or damaged version is refused at load with a message naming the file.
 * Stateless; callers serialise saving (one training at a time).
 */
public final class ListeningModelFiles {
    public static final String PREFIX = "listening-v";
    private static final Pattern NAME = Pattern.compile(Pattern.quote(PREFIX) + "(\\d{4,9})\\.properties");

    private ListeningModelFiles() {}

    /** A saved version: its name, number, manifest entries and the bytes its files take. */
    public record Version(String name, int number, Map<String, String> info, long bytes) {}

    /** The saved versions, newest first (a version whose manifest cannot be read is listed with empty info). */
    public static List<Version> versions(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Version> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Matcher m = NAME.matcher(p.getFileName().toString());
                if (m.matches()) {
                    String name = PREFIX + m.group(1);
                    out.add(new Version(name, Integer.parseInt(m.group(1)), info(p), bytes(dir, name)));
                }
            }
        }
        out.sort(Comparator.comparingInt(Version::number).reversed());
        return out;
    }

    /** The name the next saved version gets. */
    public static String nextName(Path dir) throws IOException {
        List<Version> v = versions(dir);
        return String.format(java.util.Locale.ROOT, "%s%04d", PREFIX, v.isEmpty() ? 1 : v.get(0).number() + 1);
    }

    /** Saves {@code model} under its {@link ListeningModel#version()}. */
    public static List<Path> save(Path dir, ListeningModel model) throws IOException {
        return ArtistModelFiles.save(dir, model.version(), model.als(), model.catalog(), model.itemArtists(), model.info());
    }

    /**
     * Reads version {@code name} for {@code catalog}.
     *
     * @throws IOException naming the file when it is missing, damaged, or maps artists the catalog lacks
     */
    public static ListeningModel load(Path dir, String name, Catalog catalog) throws IOException {
        Optional<ArtistModelFiles.Saved<ImplicitAlsModel>> saved = ArtistModelFiles.load(dir, name, ImplicitAlsModel.class);
        if (saved.isEmpty()) {
            throw new IOException(ArtistModelFiles.manifest(dir, name) + " does not exist");
        }
        ArtistModelFiles.Saved<ImplicitAlsModel> s = saved.get();
        int[] artists = new int[s.artistIds().size()];
        for (int i = 0; i < artists.length; i++) {
            artists[i] = catalog.artistIndexOf(s.artistIds().get(i));
            if (artists[i] < 0) {
                throw new IOException(ArtistModelFiles.mapping(dir, name) + " names artist " + s.artistIds().get(i)
                        + ", which the catalog does not have: the model was trained on another catalog");
            }
        }
        Map<String, String> info = s.info();
        ListeningConfig defaults = ListeningConfig.defaults();
        ListeningConfig config;
        try {
            config = new ListeningConfig(s.model().config(),
                    Double.parseDouble(info.getOrDefault("like_bonus", Double.toString(defaults.likeBonus()))),
                    Double.parseDouble(info.getOrDefault("half_life_days", Double.toString(defaults.halfLifeDays()))),
                    defaults.holdout(), defaults.validationUsers(), defaults.seed());
        } catch (IllegalArgumentException e) {
            throw new IOException(ArtistModelFiles.manifest(dir, name) + ": " + e.getMessage(), e);
        }
        return new ListeningModel(catalog, s.model(), artists, config, name, info);
    }

    /** Deletes every version but the newest {@code keep} (and never {@code serving}). */
    public static void prune(Path dir, int keep, String serving) throws IOException {
        List<Version> v = versions(dir);
        for (int i = keep; i < v.size(); i++) {
            String name = v.get(i).name();
            if (name.equals(serving)) {
                continue;
            }
            Files.deleteIfExists(ArtistModelFiles.manifest(dir, name)); // the manifest first: a half-deleted version is never loaded
            Files.deleteIfExists(ModelArtifacts.path(dir, name));
            Files.deleteIfExists(ArtistModelFiles.mapping(dir, name));
        }
    }

    private static Map<String, String> info(Path manifest) {
        java.util.Properties p = new java.util.Properties();
        try (var in = Files.newBufferedReader(manifest, java.nio.charset.StandardCharsets.UTF_8)) {
            p.load(in);
        } catch (IOException e) {
            return Map.of();
        }
        Map<String, String> out = new java.util.TreeMap<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("info.")).forEach(k -> out.put(k.substring(5), p.getProperty(k)));
        return out;
    }

    private static long bytes(Path dir, String name) throws IOException {
        long n = 0;
        for (Path p : new Path[] {ModelArtifacts.path(dir, name), ArtistModelFiles.mapping(dir, name), ArtistModelFiles.manifest(dir, name)}) {
            if (Files.isRegularFile(p)) {
                n += Files.size(p);
            }
        }
        return n;
    }
}
