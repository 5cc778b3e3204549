package dev.mixtape.storage.memory;

import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.ListeningEvent;
import dev.mixtape.core.listener.PersonalityProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@link ListenerStore} in process memory, for tests and throw-away runs: nothing survives the JVM.
 * One lock guards everything, which keeps each batch atomic.
 */
public final class MemoryListenerStore implements ListenerStore {
    private final Map<String, Listener> users = new HashMap<>();
    private final Map<String, Set<String>> eventKeys = new HashMap<>();
    private final Map<String, Map<String, HistoryEntry>> history = new HashMap<>();
    private final Map<String, PersonalityProfile> profiles = new HashMap<>();
    private final Map<String, SessionRecord> sessions = new java.util.LinkedHashMap<>();
    private final Map<String, List<ListeningEvent>> events = new HashMap<>();
    private Instant lastReceived;

    @Override
    public synchronized Created createUser(String id, Instant createdAt) {
        Listener existing = users.get(id);
        if (existing != null) {
            return new Created(existing, false);
        }
        Listener l = new Listener(id, createdAt, null, 0);
        users.put(id, l);
        return new Created(l, true);
    }

    @Override
    public synchronized Optional<Listener> user(String id) {
        return Optional.ofNullable(users.get(id));
    }

    @Override
    public synchronized boolean deleteUser(String id) {
        boolean existed = users.remove(id) != null;
        eventKeys.remove(id);
        history.remove(id);
        profiles.remove(id);
        sessions.values().removeIf(s -> s.userId().equals(id));
        events.remove(id);
        return existed;
    }

    @Override
    public synchronized boolean[] append(List<ListeningEvent> events, double[] plays, Instant now) {
        boolean[] inserted = new boolean[events.size()];
        for (int i = 0; i < events.size(); i++) {
            ListeningEvent e = events.get(i);
            if (!eventKeys.computeIfAbsent(e.userId(), k -> new HashSet<>()).add(e.key())) {
                continue;
            }
            inserted[i] = true;
            this.events.computeIfAbsent(e.userId(), k -> new ArrayList<>()).add(e);
            lastReceived = now;
            Listener u = users.get(e.userId());
            if (u == null) {
                u = new Listener(e.userId(), now, null, 0);
            }
            Instant first = u.firstEventAt() == null || e.timestamp().isBefore(u.firstEventAt()) ? e.timestamp() : u.firstEventAt();
            users.put(e.userId(), new Listener(u.id(), u.createdAt(), first, u.eventCount() + 1));
            history.computeIfAbsent(e.userId(), k -> new HashMap<>())
                    .merge(e.trackId(), HistoryEntry.of(e, plays[i]), HistoryEntry::plus);
        }
        return inserted;
    }

    @Override
    public synchronized List<HistoryEntry> history(String userId, int limit) {
        List<HistoryEntry> all = new ArrayList<>(history.getOrDefault(userId, Map.of()).values());
        all.sort(HistoryEntry.BY_PLAY_SCORE);
        return List.copyOf(all.subList(0, Math.min(limit, all.size())));
    }

    @Override
    public void scanHistories(HistoryVisitor visitor) {
        List<String> ids;
        synchronized (this) {
            ids = new ArrayList<>(new java.util.TreeSet<>(history.keySet()));
        }
        for (String id : ids) {
            List<HistoryEntry> rows;
            synchronized (this) {
                Map<String, HistoryEntry> h = history.get(id);
                rows = h == null ? List.of() : List.copyOf(h.values());
            }
            if (!rows.isEmpty()) {
                visitor.listener(id, rows);
            }
        }
    }

    @Override
    public synchronized EventStats eventStats() {
        long n = 0;
        for (Set<String> keys : eventKeys.values()) {
            n += keys.size();
        }
        return new EventStats(n, lastReceived);
    }

    @Override
    public synchronized void putPersonality(String userId, PersonalityProfile profile) {
        profiles.put(userId, profile);
    }

    @Override
    public synchronized Optional<PersonalityProfile> personality(String userId) {
        return Optional.ofNullable(profiles.get(userId));
    }

    @Override
    public synchronized void saveSession(String sessionId, String userId, Instant createdAt, String payloadJson) {
        sessions.put(sessionId, new SessionRecord(sessionId, userId, createdAt, payloadJson));
    }

    @Override
    public synchronized Optional<String> session(String sessionId) {
        SessionRecord s = sessions.get(sessionId);
        return s == null ? Optional.empty() : Optional.of(s.payloadJson());
    }

    @Override
    public void events(String userId, java.util.function.Consumer<ListeningEvent> sink) {
        List<ListeningEvent> copy;
        synchronized (this) {
            copy = new ArrayList<>(events.getOrDefault(userId, List.of()));
        }
        copy.sort(java.util.Comparator.comparing(ListeningEvent::timestamp)); // stable: ties stay in storage order
        copy.forEach(sink);
    }

    @Override
    public void sessions(String userId, java.util.function.Consumer<SessionRecord> sink) {
        List<SessionRecord> copy;
        synchronized (this) {
            copy = new ArrayList<>(sessions.values().stream().filter(s -> s.userId().equals(userId)).toList());
        }
        copy.sort(java.util.Comparator.comparing(SessionRecord::createdAt).thenComparing(SessionRecord::sessionId));
        copy.forEach(sink);
    }
}
