package dev.mixtape.algo.playlist;

import dev.mixtape.algo.playlist.Seeds.Anchor;
import dev.mixtape.algo.playlist.Seeds.SeedArtist;
import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;

/**
 * Writes the one-line explanation of a playlist entry: its provenance ("near 'X' by Y, which you
 * mentioned (audio similarity 0.91)", "by Y, related to Z", "close to the target sound ...") and how it
 * fits the target (the two targeted attributes it matches best, with value and target). Thread-safe.
 */
final class Explainer {
    private final Catalog catalog;

    Explainer(Catalog catalog) {
        this.catalog = catalog;
    }

    String explain(CandidatePool pool, int i, TargetProfile p, Seeds seeds, AnchorSource extra) {
        StringBuilder sb = new StringBuilder(160);
        int ref = pool.ref[i];
        float aff = pool.affinity[i];
        switch (pool.source(i)) {
            case ANCHOR -> anchor(sb, seeds.anchors().get(ref), aff, extra);
            case ARTIST -> artist(sb, seeds.artists().get(ref));
            case TARGET -> {
                sb.append("close to the target sound (similarity ").append(fmt(aff, 2)).append(')');
                int[] genres = p.genres();
                if (genres.length > 0) {
                    for (int g : catalog.trackGenres(pool.track[i])) {
                        if (java.util.Arrays.binarySearch(genres, g) >= 0) {
                            sb.append(" in ").append(catalog.genreName(g));
                            break;
                        }
                    }
                }
            }
        }
        int generators = Integer.bitCount(pool.sources[i]);
        if (generators > 1) {
            sb.append("; proposed by ").append(generators).append(" generators");
        }
        fit(sb, pool.track[i], pool.fit[i], p);
        return sb.toString();
    }

    private void anchor(StringBuilder sb, Anchor a, float sim, AnchorSource extra) {
        sb.append("near ");
        if (a.kind() == Seeds.AnchorKind.EXTRA) {
            sb.append(extra.label()).append(' ');
        }
        sb.append('\'').append(catalog.trackName(a.track())).append('\'');
        switch (a.kind()) {
            case MENTIONED_TRACK -> sb.append(" by ").append(primaryArtist(a.track())).append(", which you mentioned");
            case ARTIST_TOP_TRACK -> sb.append(", a top track of ").append(catalog.artistName(a.via()));
            case EXTRA -> sb.append(" by ").append(primaryArtist(a.track()));
            case GENRE_REPRESENTATIVE -> sb.append(" by ").append(primaryArtist(a.track())).append(", a representative ")
                    .append(catalog.genreName(a.via())).append(" track");
        }
        sb.append(" (audio similarity ").append(fmt(sim, 2)).append(')');
    }

    private void artist(StringBuilder sb, SeedArtist a) {
        sb.append("by ").append(catalog.artistName(a.artist()));
        switch (a.kind()) {
            case MENTIONED -> sb.append(", whom you mentioned");
            case ANCHOR_ARTIST -> sb.append(", the artist of an anchor track");
            case RELATED -> sb.append(", related to ").append(catalog.artistName(a.via()));
            case CO_LISTENED -> sb.append(", whom listeners of ").append(catalog.artistName(a.via())).append(" also play");
            case GENRE -> sb.append(", a ").append(catalog.genreName(a.via())).append(" artist close to the target sound");
        }
    }

    /** "; fits target energy 0.31 (target 0.30) and valence 0.22 (target 0.20)": the best two targeted attributes. */
    private void fit(StringBuilder sb, int t, float fit, TargetProfile p) {
        int[] attrs = p.fitAttributes();
        int best = -1;
        int second = -1;
        float bestFit = -1f;
        float secondFit = -1f;
        for (int k = 0; k < attrs.length; k++) {
            if (Float.isNaN(p.fitTarget(k))) {
                continue;
            }
            float f = p.attributeFit(k, t);
            if (f > bestFit) {
                second = best;
                secondFit = bestFit;
                best = k;
                bestFit = f;
            } else if (f > secondFit) {
                second = k;
                secondFit = f;
            }
        }
        if (best < 0) {
            return;
        }
        sb.append(fit >= 0.5f ? "; fits target " : "; a loose fit (").append(fit >= 0.5f ? "" : fmt(fit, 2) + "), best on ");
        attribute(sb, t, attrs[best], p.fitTarget(best));
        if (second >= 0) {
            sb.append(" and ");
            attribute(sb, t, attrs[second], p.fitTarget(second));
        }
    }

    private void attribute(StringBuilder sb, int t, int ordinal, float target) {
        Attribute a = Attribute.of(ordinal);
        float v = catalog.value(a, t);
        int decimals = a == Attribute.TEMPO ? 0 : a == Attribute.LOUDNESS ? 1 : 2;
        String unit = a == Attribute.TEMPO ? " BPM" : a == Attribute.LOUDNESS ? " dB" : "";
        sb.append(a.wireName()).append(' ').append(fmt(v, decimals)).append(unit)
                .append(" (target ").append(fmt(target, decimals)).append(unit).append(')');
    }

    private String primaryArtist(int t) {
        return catalog.artistName(catalog.trackArtists(t)[0]);
    }

    /** A fixed-point decimal without {@code String.format}'s cost. */
    static String fmt(float v, int decimals) {
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : 100;
        long r = Math.round(Math.abs((double) v) * scale);
        StringBuilder sb = new StringBuilder(8);
        if (v < 0 && r != 0) {
            sb.append('-');
        }
        sb.append(r / scale);
        if (decimals > 0) {
            sb.append('.');
            String frac = Long.toString(r % scale);
            for (int i = frac.length(); i < decimals; i++) {
                sb.append('0');
            }
            sb.append(frac);
        }
        return sb.toString();
    }
}
