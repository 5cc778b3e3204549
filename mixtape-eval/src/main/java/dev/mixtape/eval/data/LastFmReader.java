package dev.mixtape.eval.data;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Last.fm HetRec 2011 (2k) from a folder holding {@code user_artists.dat},
 * {@code artists.dat}, {@code tags.dat} and {@code user_taggedartists.dat}, each plain or
 * {@code .gz}. Only {@code user_artists} is required. Files are tab-separated with a header;
 * {@code tags.dat} is Latin-1, the others UTF-8.
 *
 * <p>Users and artists get dense indices in the order they first appear in {@code user_artists};
 * artists that only {@code artists.dat} lists are appended after them, so the item index is the
 * whole catalog. Tag assignments to artists outside it (390 artist ids in the 2011 files) are
 * ignored, not reported. Malformed lines are collected with their line numbers.
 *
 * <p>Stateless and thread-safe.
 */
public final class LastFmReader {
    /** The dataset name recorded in split manifests. */
    public static final String NAME = "lastfm-2k";

    /** Reads the dataset in {@code dir}. */
    public LastFmDataset read(Path dir) throws IOException {
        ReadProblems problems = new ReadProblems();
        Path ua = TextFiles.find(dir, "user_artists.dat");
        if (ua == null) {
            throw new UnusableFileException("no user_artists.dat(.gz) in " + dir);
        }
        IdIndex.Builder users = new IdIndex.Builder();
        IdIndex.Builder items = new IdIndex.Builder();
        Growable.Ints u = new Growable.Ints();
        Growable.Ints it = new Growable.Ints();
        Growable.Floats w = new Growable.Floats();
        TsvFile.read(ua, StandardCharsets.UTF_8, List.of("userID", "artistID", "weight"), problems, (line, f) -> {
            if (f[0].isEmpty() || f[1].isEmpty()) {
                return "empty user or artist id";
            }
            float weight;
            try {
                weight = Float.parseFloat(f[2]);
            } catch (NumberFormatException e) {
                return "weight '" + f[2] + "' is not a number";
            }
            if (!Float.isFinite(weight) || weight < 0) {
                return "weight " + f[2] + " is not a finite non-negative number";
            }
            u.add(users.add(f[0]));
            it.add(items.add(f[1]));
            w.add(weight);
            return null;
        });
        if (u.size() == 0) {
            throw new UnusableFileException(ua + " has no valid row (" + problems + ")");
        }
        Map<String, String> names = new HashMap<>();
        Path artists = TextFiles.find(dir, "artists.dat");
        if (artists != null) {
            TsvFile.read(artists, StandardCharsets.UTF_8, List.of("id", "name"), problems, (line, f) -> {
                if (f[0].isEmpty()) {
                    return "empty artist id";
                }
                if (names.putIfAbsent(f[0], f[1]) != null) {
                    return "artist id " + f[0] + " listed twice";
                }
                items.add(f[0]);
                return null;
            });
        }
        IdIndex itemIds = items.build();
        String[] artistNames = new String[itemIds.size()];
        for (int i = 0; i < artistNames.length; i++) {
            artistNames[i] = names.get(itemIds.id(i));
        }
        IdIndex.Builder tagIds = new IdIndex.Builder();
        Map<String, String> tagValues = new HashMap<>();
        Path tags = TextFiles.find(dir, "tags.dat");
        if (tags != null) {
            TsvFile.read(tags, StandardCharsets.ISO_8859_1, List.of("tagID", "tagValue"), problems, (line, f) -> {
                if (f[0].isEmpty()) {
                    return "empty tag id";
                }
                if (tagValues.putIfAbsent(f[0], f[1]) != null) {
                    return "tag id " + f[0] + " listed twice";
                }
                tagIds.add(f[0]);
                return null;
            });
        }
        Growable.Ints[] itemTags = new Growable.Ints[itemIds.size()];
        Path assigned = TextFiles.find(dir, "user_taggedartists.dat");
        if (assigned != null) {
            TsvFile.read(assigned, StandardCharsets.UTF_8, List.of("userID", "artistID", "tagID"), problems, (line, f) -> {
                if (f[1].isEmpty() || f[2].isEmpty()) {
                    return "empty artist or tag id";
                }
                int item = itemIds.index(f[1]);
                if (item < 0) {
                    return null; // an artist outside the catalog: nothing to diversify over
                }
                if (itemTags[item] == null) {
                    itemTags[item] = new Growable.Ints();
                }
                itemTags[item].add(tagIds.add(f[2]));
                return null;
            });
        }
        int[][] tagArrays = new int[itemTags.length][];
        for (int i = 0; i < itemTags.length; i++) {
            tagArrays[i] = itemTags[i] == null ? null : itemTags[i].toArray();
        }
        IdIndex tagIndex = tagIds.build();
        String[] tagNames = new String[tagIndex.size()];
        for (int t = 0; t < tagNames.length; t++) {
            tagNames[t] = tagValues.get(tagIndex.id(t));
        }
        ReadProblems frozen = problems.freeze();
        InteractionData data = new InteractionData(NAME, users.build(), itemIds, u.toArray(), it.toArray(), w.toArray(), null, frozen);
        return new LastFmDataset(data, artistNames, new ItemTags(tagArrays), tagIndex, tagNames, frozen);
    }
}
