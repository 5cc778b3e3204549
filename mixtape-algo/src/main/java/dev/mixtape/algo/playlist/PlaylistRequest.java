package dev.mixtape.algo.playlist;

import dev.mixtape.core.mood.MoodTarget;

/**
 * One playlist to make: the target read from the prompt, the seed that makes the result reproducible
 * (the same target and seed give the same playlist; another seed varies it slightly, see
 * {@link PlaylistConfig#variety()}), and extra anchors such as a listener's top tracks.
 */
public record PlaylistRequest(MoodTarget target, long seed, AnchorSource extraAnchors) {
    public PlaylistRequest {
        if (target == null) {
            throw new IllegalArgumentException("target must not be null");
        }
        if (extraAnchors == null) {
            extraAnchors = AnchorSource.NONE;
        }
    }

    public PlaylistRequest(MoodTarget target, long seed) {
        this(target, seed, AnchorSource.NONE);
    }
}
