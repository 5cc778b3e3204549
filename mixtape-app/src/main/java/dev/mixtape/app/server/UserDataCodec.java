package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.Traits;
import dev.mixtape.storage.cache.TieredCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** {@link ListenerService.UserData} as compact JSON (times as epoch ms), for the cache's shared tier. */
enum UserDataCodec implements TieredCache.Codec<ListenerService.UserData> {
    INSTANCE;

    @Override
    public byte[] encode(ListenerService.UserData d) {
        Map<String, Object> m = new LinkedHashMap<>();
        Listener l = d.listener();
        m.put("id", l.id());
        m.put("c", l.createdAt().toEpochMilli());
        m.put("f", l.firstEventAt() == null ? null : l.firstEventAt().toEpochMilli());
        m.put("n", l.eventCount());
        List<Object[]> h = new ArrayList<>();
        for (HistoryEntry e : d.history()) {
            h.add(new Object[] {e.trackId(), e.playScore(), e.plays(), e.skips(), e.likes(), e.saves(), e.dislikes(),
                e.lastEventAt().toEpochMilli()});
        }
        m.put("h", h);
        if (d.personality() != null) {
            PersonalityProfile p = d.personality();
            m.put("p", p.traits().toArray());
            m.put("ps", p.source());
            m.put("pu", p.updatedAt().toEpochMilli());
        }
        try {
            return JsonBody.JSON.writeValueAsBytes(m);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public ListenerService.UserData decode(byte[] bytes) {
        try {
            JsonNode n = JsonBody.JSON.readTree(bytes);
            Listener l = new Listener(n.get("id").asText(), Instant.ofEpochMilli(n.get("c").asLong()),
                    n.get("f").isNull() ? null : Instant.ofEpochMilli(n.get("f").asLong()), n.get("n").asLong());
            List<HistoryEntry> h = new ArrayList<>();
            for (JsonNode e : n.get("h")) {
                h.add(new HistoryEntry(e.get(0).asText(), e.get(1).asDouble(), e.get(2).asDouble(), e.get(3).asInt(),
                        e.get(4).asInt(), e.get(5).asInt(), e.get(6).asInt(), Instant.ofEpochMilli(e.get(7).asLong())));
            }
            PersonalityProfile p = null;
            if (n.has("p")) {
                double[] t = new double[5];
                for (int i = 0; i < 5; i++) {
                    t[i] = n.get("p").get(i).asDouble();
                }
                p = new PersonalityProfile(Traits.of(t), n.get("ps").asText(), Instant.ofEpochMilli(n.get("pu").asLong()));
            }
            return new ListenerService.UserData(l, List.copyOf(h), p);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not cached listener data", e);
        }
    }
}
