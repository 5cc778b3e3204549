package dev.mixtape.algo.content;

import dev.mixtape.core.Catalog;
import java.util.ArrayList;
import java.util.List;

/**
 * Regional, language and functional scenes (Indian film, K-pop, Latin, Brazilian, worship, children's music, ...) and
 * which catalog artists belong to them, so that a seed or prompt from outside a scene does not pull from it unless
 * asked (docs/EVALUATION.md, "Coherence").
 *
 * <p>An artist belongs to scene s when at least {@value #MEMBER_SHARE} of its tracks carry one of s's genres and no
 * genre outside every scene is on more of its tracks: a popular artist filed under a regional genre because that
 * region plays it (Jack Harlow under k-pop, Chris Brown under latin) stays outside the scene, since most of its tracks
 * carry its own genre. The {@link #GENERIC} genres (pop, indie-pop, ...), under which every scene's pop is filed, count
 * for neither. An artist of a scene that also has a genre outside every scene on at least {@value #MEMBER_SHARE} of its
 * tracks and on {@value #BRIDGE_SHARE} as many as its scene's <em>bridges</em> (Michael Bublé, filed under j-pop
 * about as often as under jazz, is jazz): it may be offered anywhere, and as an anchor it opens its scene.
 *
 * <p>Two data fixes for this catalog: about half of the {@code k-pop} genre's tracks are Tamil and Hindi film songs, so
 * for an artist with at least {@value #INDIAN_EVIDENCE} of its tracks under an Indian genre {@code k-pop} counts as
 * Indian; and {@code j-dance} is mostly Jamaican dancehall, so it files under no scene.
 *
 * <p>A track is <em>allowed</em> for a set of scenes when its primary artist belongs to none, bridges, or belongs to
 * one of them. Immutable and thread-safe.
 */
public final class Scenes {
    /** The share of an artist's tracks that must carry a scene's genres for the artist to belong to it. */
    static final double MEMBER_SHARE = 0.4;
    /** An artist of a scene bridges when a genre outside every scene is on at least this share of as many tracks. */
    static final double BRIDGE_SHARE = 0.75;
    /**
     * Genres that every scene's pop is filed under too (in this catalog most {@code pop} and {@code indie-pop} tracks
     * are Indian): they are no evidence that an artist is outside a scene.
     */
    static final java.util.Set<String> GENERIC = java.util.Set.of("pop", "indie-pop", "indie", "singer-songwriter", "songwriter");
    /** The share of tracks under an Indian genre from which an artist's k-pop tracks count as Indian. */
    static final double INDIAN_EVIDENCE = 0.1;

    /** The scenes and the catalog genres that file an artist under them (a prompt or genre seed naming one opens it). */
    public enum Scene {
        INDIAN("Indian film and pop", "indian", "pop-film", "malay"),
        KOREAN("K-pop", "k-pop"),
        JAPANESE("J-pop, J-rock and anime", "j-pop", "j-idol", "j-rock", "anime"),
        CHINESE("Cantopop and Mandopop", "cantopop", "mandopop"),
        LATIN("Latin", "latin", "latino", "reggaeton", "salsa", "spanish"),
        TANGO("Tango", "tango"),
        BRAZILIAN("Brazilian", "brazil", "forro", "mpb", "pagode", "samba", "sertanejo"),
        TURKISH("Turkish", "turkish"),
        IRANIAN("Iranian", "iranian"),
        FRENCH("French", "french"),
        GERMAN("German", "german"),
        SWEDISH("Swedish", "swedish"),
        WORSHIP("Worship and gospel", "world-music", "gospel"),
        CHILDREN("Children's music", "children", "kids"),
        COMEDY("Comedy", "comedy"),
        SLEEP("Sleep sounds", "sleep");

        private final String label;
        private final List<String> genres;

        Scene(String label, String... genres) {
            this.label = label;
            this.genres = List.of(genres);
        }

        public String label() {
            return label;
        }

        /** The catalog genres that file an artist under this scene. */
        public List<String> genres() {
            return genres;
        }

        public int bit() {
            return 1 << ordinal();
        }
    }

    private static final Scene[] ALL = Scene.values();

    private final Catalog catalog;
    private final int[] artistScenes;
    private final java.util.BitSet bridging = new java.util.BitSet();
    /** Per track: its primary artist's scenes, or 0 when the artist bridges (what an allowed-check needs, one load). */
    private final int[] trackOffer;
    private final int[] genreScenes;
    private final boolean[] generic;

    public Scenes(Catalog catalog) {
        this.catalog = catalog;
        genreScenes = new int[catalog.genreCount()];
        generic = new boolean[catalog.genreCount()];
        for (String g : GENERIC) {
            int i = catalog.genreIndexOf(g);
            if (i >= 0) {
                generic[i] = true;
            }
        }
        for (Scene s : ALL) {
            for (String g : s.genres) {
                int i = catalog.genreIndexOf(g);
                if (i >= 0) {
                    genreScenes[i] |= s.bit();
                }
            }
        }
        artistScenes = new int[catalog.artistCount()];
        int[] perScene = new int[ALL.length];
        int[] perGenre = new int[catalog.genreCount()];
        for (int a = 0; a < artistScenes.length; a++) {
            artistScenes[a] = member(a, perScene, perGenre);
        }
        trackOffer = new int[catalog.size()];
        for (int t = 0; t < trackOffer.length; t++) {
            int a = catalog.trackArtists(t)[0];
            trackOffer[t] = bridging.get(a) ? 0 : artistScenes[a];
        }
    }

    private int member(int artist, int[] perScene, int[] perGenre) {
        int[] tracks = catalog.artistTracks(artist);
        if (tracks.length == 0) {
            return 0;
        }
        java.util.Arrays.fill(perScene, 0);
        int indian = 0;
        for (int t : tracks) {
            int mask = 0;
            for (int g : catalog.trackGenres(t)) {
                mask |= genreScenes[g];
            }
            indian += (mask & Scene.INDIAN.bit()) != 0 ? 1 : 0;
        }
        boolean koreanIsIndian = indian >= INDIAN_EVIDENCE * tracks.length;
        int bestOutside = 0;
        for (int t : tracks) {
            int mask = 0;
            for (int g : catalog.trackGenres(t)) {
                int s = genreScenes[g];
                if (s == 0 && !generic[g]) {
                    perGenre[g]++;
                    bestOutside = Math.max(bestOutside, perGenre[g]);
                }
                mask |= s;
            }
            if (koreanIsIndian && (mask & Scene.KOREAN.bit()) != 0) {
                mask = (mask & ~Scene.KOREAN.bit()) | Scene.INDIAN.bit();
            }
            for (Scene s : ALL) {
                if ((mask & s.bit()) != 0) {
                    perScene[s.ordinal()]++;
                }
            }
        }
        for (int t : tracks) {
            for (int g : catalog.trackGenres(t)) {
                perGenre[g] = 0;
            }
        }
        int out = 0;
        int strongest = 0;
        for (Scene s : ALL) {
            int n = perScene[s.ordinal()];
            if (n >= MEMBER_SHARE * tracks.length && n >= bestOutside) {
                out |= s.bit();
                strongest = Math.max(strongest, n);
            }
        }
        if (out != 0 && bestOutside >= MEMBER_SHARE * tracks.length && bestOutside >= BRIDGE_SHARE * strongest) {
            bridging.set(artist);
        }
        return out;
    }

    public Catalog catalog() {
        return catalog;
    }

    /** The scenes (a bit per {@link Scene}) the artist belongs to; 0 for none. */
    public int ofArtist(int artist) {
        return artistScenes[artist];
    }

    /** The scenes of the track's primary artist. */
    public int ofTrack(int track) {
        return artistScenes[catalog.trackArtists(track)[0]];
    }

    /** The scenes a catalog genre files under (a genre seed asks for them). */
    public int ofGenre(int genre) {
        return genreScenes[genre];
    }

    /** True when the artist belongs to a scene and to the music outside every scene as much (see the class comment). */
    public boolean bridges(int artist) {
        return bridging.get(artist);
    }

    /** True when the track's primary artist may be offered where {@code allowed} scenes are. */
    public boolean allowsTrack(int allowed, int track) {
        int s = trackOffer[track];
        return s == 0 || (s & allowed) != 0;
    }

    /** True when the artist may be offered where {@code allowed} scenes are: it has none, bridges, or shares one. */
    public boolean allowsArtist(int allowed, int artist) {
        int s = artistScenes[artist];
        return s == 0 || (s & allowed) != 0 || bridging.get(artist);
    }

    /** The scenes of all the given artists together. */
    public int ofArtists(int... artists) {
        int m = 0;
        for (int a : artists) {
            m |= artistScenes[a];
        }
        return m;
    }

    /** The scenes the given catalog genres file under together. */
    public int ofGenres(int... genres) {
        int m = 0;
        for (int g : genres) {
            m |= genreScenes[g];
        }
        return m;
    }

    /** The labels of the scenes in {@code mask}, in declaration order. */
    public static List<String> labels(int mask) {
        List<String> out = new ArrayList<>();
        for (Scene s : ALL) {
            if ((mask & s.bit()) != 0) {
                out.add(s.label);
            }
        }
        return out;
    }

    /** How many catalog artists belong to each scene, in declaration order (for docs and the system page). */
    public int[] memberCounts() {
        int[] out = new int[ALL.length];
        for (int m : artistScenes) {
            for (Scene s : ALL) {
                out[s.ordinal()] += (m & s.bit()) != 0 ? 1 : 0;
            }
        }
        return out;
    }
}
