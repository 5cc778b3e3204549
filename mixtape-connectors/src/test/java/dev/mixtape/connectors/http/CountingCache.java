package dev.mixtape.connectors.http;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/** A cache that records every read and write it is asked, around a map (or a failing store). */
final class CountingCache implements RemoteCache {
    record Read(Kind kind, List<String> keys) {}

    final RemoteCache store;
    final List<Read> reads = new CopyOnWriteArrayList<>();
    final List<String> writes = new CopyOnWriteArrayList<>();

    CountingCache(RemoteCache store) {
        this.store = store;
    }

    CountingCache() {
        this(new LocalRemoteCache(10_000));
    }

    @Override
    public Map<String, String> getAll(Kind kind, Collection<String> keys) {
        reads.add(new Read(kind, new ArrayList<>(keys)));
        return store.getAll(kind, keys);
    }

    @Override
    public void put(Kind kind, String key, String value) {
        writes.add(kind + ":" + key);
        store.put(kind, key, value);
    }

    long reads(Kind kind) {
        return reads.stream().filter(r -> r.kind() == kind).count();
    }
}
