package dev.mixtape.storage.importer;

import dev.mixtape.core.Track;
import java.util.List;

/**
 * What a catalog file held: the de-duplicated tracks in first-seen order, the number of data rows,
 * how many rows repeated a track already seen (merged into it), and every skipped row with its reason.
 */
public record ParsedCatalog(List<Track> tracks, long rows, long mergedDuplicates, List<RowProblem> problems) {}
