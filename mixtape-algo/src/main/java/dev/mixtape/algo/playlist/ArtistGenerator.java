package dev.mixtape.algo.playlist;

import dev.mixtape.algo.content.TopK;
import dev.mixtape.algo.playlist.Seeds.SeedArtist;
import dev.mixtape.core.Catalog;

/**
 * Artist-based generation: for each seed artist (mentioned, anchor, related or genre artists, see
 * {@link SeedGatherer}), its {@link PlaylistConfig#tracksPerArtist()} allowed tracks scoring best on
 * 0.7 × target fit + 0.3 × popularity. Affinity: the artist's kinship ({@link Seeds.ArtistKind});
 * ref: the artist's index in {@link Seeds#artists()}. Needs no catalog-sized memory. Thread-safe.
 */
public final class ArtistGenerator implements CandidateGenerator {
    private final Catalog catalog;
    private final int perArtist;

    public ArtistGenerator(Catalog catalog, int tracksPerArtist) {
        this.catalog = catalog;
        this.perArtist = tracksPerArtist;
    }

    @Override
    public Source source() {
        return Source.ARTIST;
    }

    @Override
    public Candidates generate(TargetProfile p, Seeds seeds, int budget, float[] scratch) {
        Candidates out = new Candidates(Source.ARTIST);
        for (int i = 0; i < seeds.artists().size() && out.size() < budget; i++) {
            SeedArtist a = seeds.artists().get(i);
            TopK top = new TopK(perArtist);
            for (int t : catalog.artistTracks(a.artist())) {
                if (!p.excluded(t)) {
                    top.offer(t, 0.7f * p.fit(t) + 0.3f * catalog.popularity(t) / 100f);
                }
            }
            if (top.size() > 0) {
                for (int t : top.sortedIds()) {
                    out.add(t, a.kind().kinship(), i);
                }
            }
        }
        return out;
    }
}
