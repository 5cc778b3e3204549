package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.ArtistKin;
import dev.mixtape.algo.content.FeatureSpace;
import dev.mixtape.algo.content.RelatedArtists;
import dev.mixtape.algo.content.TopK;
import dev.mixtape.algo.playlist.Seeds.Anchor;
import dev.mixtape.algo.playlist.Seeds.AnchorKind;
import dev.mixtape.algo.playlist.Seeds.ArtistKind;
import dev.mixtape.algo.playlist.Seeds.SeedArtist;
import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Phase 2, seed gathering: anchors and artists for the generators.
 *
 * <p><b>Anchors</b>, at most {@link PlaylistConfig#maxAnchors()}, in this order: the tracks the prompt
 * mentions; for each mentioned artist, the {@value #ANCHORS_PER_ARTIST} of its {@value #TOP_TRACKS}
 * most popular tracks that score best on 0.6 × target fit + 0.4 × popularity rank; up to
 * {@value #MAX_EXTRA_ANCHORS} extra anchors from the request's {@link AnchorSource}, best fitting first;
 * and genre representatives: for the wanted genres (or, when none, the {@value #NEAR_GENRES} genres whose
 * centroids lie nearest the target), the track scoring best on 0.8 × target fit + 0.2 × popularity —
 * three of them when nothing else gave an anchor, none when the prompt names artists or tracks and no genre, else one
 * per wanted genre up to three (at least one).
 *
 * <p><b>Artists</b>: the mentioned artists, the primary artists of mentioned and extra anchor tracks,
 * the collaborative neighbours of both ({@link ArtistKin}, as many as {@link PlaylistConfig#maxArtists()} leaves room
 * for, at least {@link PlaylistConfig#relatedPerArtist()}) or, for an artist without any, its first
 * {@link PlaylistConfig#relatedPerArtist()} {@link RelatedArtists related artists},
 * and — when no artist is mentioned — the artists of the anchor genres. Before any artist's tracks are
 * read, candidates are pruned by cheap heuristics: excluded artists go (and those of a scene the target does not open);
 * unless mentioned (or a collaborative neighbour of a mentioned or anchor artist when the prompt names no genre), an
 * artist must have a wanted genre (or an implied one, see {@link TargetProfile#genreMatch}) and a centroid with similarity ≥ {@value #MIN_SIMILARITY}
 * to the target point. Each is scored 0.5 × that similarity + 0.25 × genre match + 0.25 × kinship
 * ({@link ArtistKind}); mentioned artists are kept first, then the best by score, up to
 * {@link PlaylistConfig#maxArtists()} (at least {@value #MAX_CIRCLE} when collaborative neighbours are among them). Related artists are computed (and memoised) only for mentioned and
 * anchor artists, never for the many genre artists.
 *
 * <p>Thread-safe (stateless apart from the shared, thread-safe {@link RelatedArtists}).
 */
public final class SeedGatherer {
    public static final int MAX_EXTRA_ANCHORS = 3;
    static final int ANCHORS_PER_ARTIST = 2;
    static final int TOP_TRACKS = 10;
    static final int NEAR_GENRES = 3;
    static final float MIN_SIMILARITY = 0.05f;
    /** The most seed artists when collaborative neighbours are among them (else {@link PlaylistConfig#maxArtists()}). */
    static final int MAX_CIRCLE = 24;

    private final FeatureSpace space;
    private final Catalog catalog;
    private final RelatedArtists related;
    private final ArtistKin kin;

    public SeedGatherer(FeatureSpace space, RelatedArtists related) {
        this(space, related, ArtistKin.NONE);
    }

    /** @param kin collaborative neighbours, which replace the related artists of an artist that has them */
    public SeedGatherer(FeatureSpace space, RelatedArtists related, ArtistKin kin) {
        this.space = space;
        this.catalog = space.catalog();
        this.related = related;
        this.kin = kin;
    }

    public Seeds gather(TargetProfile p, AnchorSource extra, PlaylistConfig config) {
        List<Anchor> anchors = new ArrayList<>();
        int max = config.maxAnchors();
        for (String id : p.target().tracks()) {
            int t = catalog.indexOf(id);
            if (t >= 0 && anchors.size() < max && !isAnchor(anchors, t)) {
                anchors.add(new Anchor(t, AnchorKind.MENTIONED_TRACK, -1));
            }
        }
        int[] mentioned = mentionedArtists(p);
        for (int a : mentioned) {
            addTopTracks(p, a, anchors, max);
        }
        addExtra(p, extra, anchors, max);
        int[] anchorGenres = anchorGenres(p);
        // a prompt naming artists or tracks and no genre is about them: a representative of the genre nearest its
        // target would only bring that genre's sound in
        int reps = anchors.isEmpty() ? NEAR_GENRES : p.genres().length == 0 && mentioned.length + p.target().tracks().size() > 0 ? 0
                : Math.max(1, Math.min(NEAR_GENRES, p.genres().length));
        for (int i = 0; i < anchorGenres.length && reps > 0 && anchors.size() < max; i++) {
            int t = representative(p, anchorGenres[i], anchors);
            if (t >= 0) {
                anchors.add(new Anchor(t, AnchorKind.GENRE_REPRESENTATIVE, anchorGenres[i]));
                reps--;
            }
        }
        return new Seeds(anchors, artists(p, config, mentioned, anchors, anchorGenres));
    }

    private int[] mentionedArtists(TargetProfile p) {
        return p.target().artists().stream().mapToInt(catalog::artistIndexOf)
                .filter(a -> a >= 0 && !p.artistExcluded(a)).distinct().toArray();
    }

    private void addTopTracks(TargetProfile p, int artist, List<Anchor> anchors, int max) {
        int[] tracks = catalog.artistTracks(artist);
        int n = Math.min(TOP_TRACKS, tracks.length);
        TopK top = new TopK(ANCHORS_PER_ARTIST);
        for (int r = 0; r < n; r++) {
            int t = tracks[r];
            if (!p.excluded(t) && !isAnchor(anchors, t)) {
                top.offer(t, 0.6f * p.fit(t) + 0.4f * (1f - (float) r / TOP_TRACKS));
            }
        }
        for (int t : top.sortedIds()) {
            if (anchors.size() < max) {
                anchors.add(new Anchor(t, AnchorKind.ARTIST_TOP_TRACK, artist));
            }
        }
    }

    private void addExtra(TargetProfile p, AnchorSource extra, List<Anchor> anchors, int max) {
        List<String> ids = extra.anchorTracks(p.target());
        if (ids == null || ids.isEmpty()) {
            return;
        }
        TopK top = new TopK(MAX_EXTRA_ANCHORS);
        for (int i = 0; i < ids.size(); i++) {
            int t = catalog.indexOf(ids.get(i));
            if (t >= 0 && !p.excluded(t) && !isAnchor(anchors, t)) {
                // ties keep the source's order: a tiny bonus for earlier ids
                top.offer(t, p.fit(t) + 1e-6f * (ids.size() - i));
            }
        }
        for (int t : top.sortedIds()) {
            if (anchors.size() < max) {
                anchors.add(new Anchor(t, AnchorKind.EXTRA, -1));
            }
        }
    }

    /** Wanted genres nearest the target first, or the genres nearest the target when none is wanted. */
    private int[] anchorGenres(TargetProfile p) {
        float[] centroids = space.genreCentroids();
        int[] from = p.genres();
        boolean any = from.length == 0;
        int count = any ? catalog.genreCount() : from.length;
        TopK top = new TopK(Math.max(1, any ? NEAR_GENRES : from.length));
        for (int i = 0; i < count; i++) {
            int g = any ? i : from[i];
            if (catalog.genreTracks(g).length > 0 && !p.genreExcluded(g)) {
                top.offer(g, -p.distance2(centroids, g * FeatureSpace.DIMS));
            }
        }
        return top.size() == 0 ? new int[0] : top.sortedIds();
    }

    private int representative(TargetProfile p, int genre, List<Anchor> anchors) {
        int best = -1;
        float bestScore = Float.NEGATIVE_INFINITY;
        for (int t : catalog.genreTracks(genre)) {
            if (p.excluded(t)) {
                continue;
            }
            float s = 0.8f * p.fit(t) + 0.2f * catalog.popularity(t) / 100f;
            if ((s > bestScore || (s == bestScore && t < best)) && !isAnchor(anchors, t)) {
                best = t;
                bestScore = s;
            }
        }
        return best;
    }

    private static boolean isAnchor(List<Anchor> anchors, int t) {
        for (Anchor a : anchors) {
            if (a.track() == t) {
                return true;
            }
        }
        return false;
    }

    private List<SeedArtist> artists(TargetProfile p, PlaylistConfig config, int[] mentioned, List<Anchor> anchors,
                                     int[] anchorGenres) {
        int max = config.maxArtists();
        if (max == 0) {
            return List.of();
        }
        List<SeedArtist> candidates = new ArrayList<>();
        for (int a : mentioned) {
            add(p, candidates, a, ArtistKind.MENTIONED, -1);
        }
        for (Anchor an : anchors) {
            if (an.kind() == AnchorKind.MENTIONED_TRACK || an.kind() == AnchorKind.EXTRA) {
                add(p, candidates, catalog.trackArtists(an.track())[0], ArtistKind.ANCHOR_ARTIST, -1);
            }
        }
        int base = candidates.size();
        for (int i = 0; i < base; i++) {
            int a = candidates.get(i).artist();
            int[] near = kin.of(a, Math.max(config.relatedPerArtist(), ArtistKin.NEAREST));
            if (near.length > 0) {
                for (int b : near) {
                    add(p, candidates, b, ArtistKind.CO_LISTENED, a);
                }
                continue;
            }
            int[] rel = related.of(a);
            for (int r = 0; r < Math.min(config.relatedPerArtist(), rel.length); r++) {
                add(p, candidates, rel[r], ArtistKind.RELATED, a);
            }
        }
        if (mentioned.length == 0) {
            for (int g : anchorGenres) {
                TopK best = new TopK(max);
                for (int a : catalog.genreArtists(g)) {
                    float score = score(p, a, ArtistKind.GENRE);
                    if (score == score) {
                        best.offer(a, score);
                    }
                }
                for (int a : best.size() == 0 ? new int[0] : best.sortedIds()) {
                    add(p, candidates, a, ArtistKind.GENRE, g);
                }
            }
        }
        // collaborative neighbours widen the list: a playlist like X holds X's circle, at least 15 artists in 30 tracks
        if (candidates.stream().anyMatch(c -> c.kind() == ArtistKind.CO_LISTENED)) {
            max = Math.max(max, MAX_CIRCLE);
        }
        List<SeedArtist> out = new ArrayList<>();
        TopK top = new TopK(Math.max(1, candidates.size()));
        for (int i = 0; i < candidates.size(); i++) {
            SeedArtist c = candidates.get(i);
            if (c.kind() == ArtistKind.MENTIONED) {
                if (out.size() < max) {
                    out.add(c);
                }
            } else {
                top.offer(i, c.score());
            }
        }
        if (top.size() > 0) {
            for (int i : top.sortedIds()) {
                if (out.size() >= max) {
                    break;
                }
                out.add(candidates.get(i));
            }
        }
        return out;
    }

    /** Adds an artist unless already a candidate or pruned (see the class comment). */
    private void add(TargetProfile p, List<SeedArtist> candidates, int artist, ArtistKind kind, int via) {
        for (SeedArtist c : candidates) {
            if (c.artist() == artist) {
                return;
            }
        }
        float score = score(p, artist, kind);
        if (score == score) {
            candidates.add(new SeedArtist(artist, kind, via, score));
        }
    }

    /** The artist's pruning score (see the class comment), or NaN when pruned. */
    private float score(TargetProfile p, int artist, ArtistKind kind) {
        if (p.artistExcluded(artist)) {
            return Float.NaN;
        }
        // co-listening is better evidence than the catalog's genre filing and an artist's mean sound (its tracks are
        // picked by their fit later), unless the prompt asks for genres
        boolean listened = kind == ArtistKind.CO_LISTENED && p.genres().length == 0;
        boolean genre = p.artistGenreMatch(artist) || listened;
        float sim = FeatureSpace.similarity(p.distance2(space.artistCentroids(), artist * FeatureSpace.DIMS));
        if (kind != ArtistKind.MENTIONED && !listened && (!genre || sim < MIN_SIMILARITY)) {
            return Float.NaN;
        }
        return 0.5f * sim + 0.25f * (genre ? 1f : 0f) + 0.25f * kind.kinship();
    }
}
