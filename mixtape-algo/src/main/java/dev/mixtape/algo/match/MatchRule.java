package dev.mixtape.algo.match;

/** Which {@link ArtistNameKey} rule matched a name (in the order they are tried), or none. */
public enum MatchRule {
    /** The folded names are equal. */
    FOLDED,
    /** The canonical names are equal ("the", "&amp;"/"and", apostrophes, dots, "$"). */
    CANONICAL,
    /** The name without its featuring suffix matched, folded or canonical. */
    FEATURING,
    /** No catalog artist has any of the name's keys. */
    NONE
}
