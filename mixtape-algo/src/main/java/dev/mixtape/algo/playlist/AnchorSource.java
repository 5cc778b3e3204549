package dev.mixtape.algo.playlist;

import dev.mixtape.core.mood.MoodTarget;
import java.util.List;

/**
 * Anchor tracks from outside the prompt, such as a listener's top tracks (once listeners exist). The
 * seed gatherer keeps those that fit the target best, up to {@link SeedGatherer#MAX_EXTRA_ANCHORS}.
 * Implementations must be thread-safe and fast: they run inside the request.
 */
@FunctionalInterface
public interface AnchorSource {
    /** No extra anchors. */
    AnchorSource NONE = target -> List.of();

    /** Catalog track ids to consider as anchors, best first; unknown ids are skipped. */
    List<String> anchorTracks(MoodTarget target);

    /** How an anchor from this source is named in explanations, e.g. "your top track". */
    default String label() {
        return "your top track";
    }

    /** A fixed list of track ids under the given label. */
    static AnchorSource of(List<String> trackIds, String label) {
        List<String> copy = List.copyOf(trackIds);
        return new AnchorSource() {
            @Override
            public List<String> anchorTracks(MoodTarget target) {
                return copy;
            }

            @Override
            public String label() {
                return label;
            }
        };
    }
}
