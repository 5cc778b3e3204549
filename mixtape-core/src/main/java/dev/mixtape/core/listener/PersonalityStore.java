package dev.mixtape.core.listener;

import java.util.Optional;

/** Listeners' Big Five profiles, one per listener, replaced by each put. Part of {@link ListenerStore}. */
public interface PersonalityStore {
    void putPersonality(String userId, PersonalityProfile profile);

    Optional<PersonalityProfile> personality(String userId);
}
