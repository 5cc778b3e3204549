package dev.mixtape.storage.importer;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import dev.mixtape.core.AlbumRef;
import dev.mixtape.core.ArtistRef;
import dev.mixtape.core.AudioFeatures;
import dev.mixtape.core.Ids;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.TextNormalizer;
import dev.mixtape.core.Track;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/**
 * Reads the Spotify Tracks Dataset ({@code dataset.csv} or {@code .csv.gz}) by header name, so the
 * upstream file's extra leading unnamed index column is simply ignored (and so is a leading UTF-8
 * byte order mark). Every row is validated;
 * a bad row is skipped and reported with its line number and reason, never dropped silently.
 *
 * <p>A track listed on several rows (once per genre) becomes one {@link Track} with the union of the
 * genres and the highest popularity. Artists are split on {@code ;}. Ids: the artist id is
 * {@link Ids#derive}("artist", folded artist name); the album id is
 * {@link Ids#derive}("album", folded album name + "|" + primary artist id). Not thread-safe.
 */
public final class SpotifyTracksCsvReader {
    static final List<String> REQUIRED = List.of("track_id", "artists", "album_name", "track_name", "popularity",
            "duration_ms", "explicit", "danceability", "energy", "key", "loudness", "mode", "speechiness",
            "acousticness", "instrumentalness", "liveness", "valence", "tempo", "time_signature", "track_genre");
    private static final int MAX_TEXT = 1000;

    private final Map<String, String> artistIds = new HashMap<>();
    private final Map<String, String> albumIds = new HashMap<>();

    public ParsedCatalog read(Path file, ProgressListener progress) throws IOException {
        long size = Files.size(file);
        try (InputStream raw = Files.newInputStream(file)) {
            CountingInputStream counting = new CountingInputStream(new BufferedInputStream(raw, 1 << 16));
            InputStream in = isGzip(file) ? new GZIPInputStream(counting, 1 << 16) : counting;
            return read(in, () -> progress.progress("read", counting.count(), size));
        }
    }

    ParsedCatalog read(InputStream in, Runnable tick) throws IOException {
        Map<String, Track> tracks = new LinkedHashMap<>();
        List<RowProblem> problems = new ArrayList<>();
        long rows = 0;
        long merged = 0;
        // A row with too few or too many fields is this reader's to report (see Field.raw), not a reason
        // for the CSV parser to abort the whole file.
        try (CsvReader<CsvRecord> csv = CsvReader.builder().allowMissingFields(true).allowExtraFields(true)
                .ofCsvRecord(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            int[] col = null;
            for (CsvRecord rec : csv) {
                if (col == null) {
                    col = header(rec);
                    continue;
                }
                rows++;
                if ((rows & 1023) == 0) {
                    tick.run();
                }
                try {
                    Track t = parse(rec, col);
                    Track prev = tracks.putIfAbsent(t.id(), t);
                    if (prev != null) {
                        merged++;
                        tracks.put(t.id(), prev.mergedWith(t));
                    }
                } catch (InvalidRequestException | NumberFormatException e) {
                    problems.add(new RowProblem(rec.getStartingLineNumber(), e.getMessage()));
                }
            }
            if (col == null) {
                throw new IOException("the file is empty: expected a header line with " + REQUIRED);
            }
        }
        tick.run();
        return new ParsedCatalog(List.copyOf(tracks.values()), rows, merged, List.copyOf(problems));
    }

    private static int[] header(CsvRecord rec) throws IOException {
        Map<String, Integer> names = new HashMap<>();
        for (int i = 0; i < rec.getFieldCount(); i++) {
            String name = i == 0 && rec.getField(0).startsWith("\uFEFF") ? rec.getField(0).substring(1) : rec.getField(i);
            names.putIfAbsent(name.trim().toLowerCase(Locale.ROOT), i); // (a UTF-8 byte order mark is dropped)
        }
        int[] col = new int[REQUIRED.size()];
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < col.length; i++) {
            Integer c = names.get(REQUIRED.get(i));
            if (c == null) {
                missing.add(REQUIRED.get(i));
            } else {
                col[i] = c;
            }
        }
        if (!missing.isEmpty()) {
            throw new IOException("not a Spotify Tracks Dataset file: the header lacks " + missing
                    + " (found " + names.keySet() + ")");
        }
        return col;
    }

    private Track parse(CsvRecord rec, int[] col) {
        Field f = new Field(rec, col);
        String id = f.text("track_id");
        Ids.requireValid("track", id);
        List<ArtistRef> artists = new ArrayList<>();
        for (String name : f.text("artists").split(";")) {
            String trimmed = name.strip();
            if (!trimmed.isEmpty()) {
                artists.add(new ArtistRef(artistId(trimmed), trimmed));
            }
        }
        if (artists.isEmpty()) {
            throw new InvalidRequestException("artists is empty");
        }
        String album = f.text("album_name");
        String name = f.text("track_name");
        String albumId = albumIds.computeIfAbsent(TextNormalizer.fold(album) + "|" + artists.get(0).id(),
                k -> Ids.derive("album", k));
        AudioFeatures features = new AudioFeatures(
                f.number("acousticness"), f.number("danceability"), f.number("energy"),
                f.number("instrumentalness"), f.number("liveness"), f.number("speechiness"), f.number("valence"),
                f.integer("key"), f.integer("mode"), f.number("loudness"), f.number("tempo"),
                f.integer("time_signature"));
        String genre = f.text("track_genre").toLowerCase(Locale.ROOT);
        return new Track(id, name, artists, new AlbumRef(albumId, album), f.integer("duration_ms"),
                f.bool("explicit"), f.integer("popularity"), Set.of(genre), features);
    }

    private String artistId(String name) {
        return artistIds.computeIfAbsent(TextNormalizer.fold(name), k -> Ids.derive("artist", k));
    }

    private static boolean isGzip(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return in.read() == 0x1f && in.read() == 0x8b;
        }
    }

    /** Typed access to the named fields of one record; every failure names the column and value. */
    private record Field(CsvRecord rec, int[] col) {
        String raw(String name) {
            int c = col[REQUIRED.indexOf(name)];
            if (c >= rec.getFieldCount()) {
                throw new InvalidRequestException("the row has " + rec.getFieldCount() + " fields, " + name + " is missing");
            }
            return rec.getField(c).strip();
        }

        String text(String name) {
            String v = raw(name);
            if (v.isEmpty()) {
                throw new InvalidRequestException(name + " is empty");
            }
            if (v.length() > MAX_TEXT) {
                throw new InvalidRequestException(name + " is longer than " + MAX_TEXT + " characters");
            }
            return v;
        }

        double number(String name) {
            String v = raw(name);
            try {
                double d = Double.parseDouble(v);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new InvalidRequestException(name + " is not a number: '" + v + "'");
            }
        }

        int integer(String name) {
            double d = number(name);
            if (d != Math.rint(d) || Math.abs(d) > Integer.MAX_VALUE) {
                throw new InvalidRequestException(name + " is not an integer: '" + raw(name) + "'");
            }
            return (int) d;
        }

        boolean bool(String name) {
            String v = raw(name).toLowerCase(Locale.ROOT);
            return switch (v) {
                case "true", "1" -> true;
                case "false", "0" -> false;
                default -> throw new InvalidRequestException(name + " is not True or False: '" + raw(name) + "'");
            };
        }
    }
}
