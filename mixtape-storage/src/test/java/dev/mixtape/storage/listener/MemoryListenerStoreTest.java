package dev.mixtape.storage.listener;

import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.storage.memory.MemoryListenerStore;

/** {@link ListenerStoreContractTest} on the in-memory store. */
class MemoryListenerStoreTest extends ListenerStoreContractTest {
    @Override
    protected ListenerStore openFresh() {
        return new MemoryListenerStore();
    }

    @Override
    protected long rowsMentioning(String userId) {
        MemoryListenerStore m = (MemoryListenerStore) store;
        return (m.user(userId).isPresent() ? 1 : 0) + m.history(userId, Integer.MAX_VALUE).size()
                + (m.personality(userId).isPresent() ? 1 : 0);
    }
}
