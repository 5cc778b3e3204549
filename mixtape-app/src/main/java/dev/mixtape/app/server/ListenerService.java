package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.listener.HistoryEntry;
import dev.mixtape.core.listener.Listener;
import dev.mixtape.core.listener.ListenerStore;
import dev.mixtape.core.listener.PersonalityProfile;
import dev.mixtape.core.listener.PlayDecay;
import dev.mixtape.core.listener.Traits;
import dev.mixtape.storage.cache.CacheKind;
import dev.mixtape.storage.cache.TieredCache;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Listeners: their records, history and personality profiles, validated, stored in the {@link ListenerStore} and cached
 * in the two cache tiers. A listener's record, history (top {@value #SESSION_HISTORY} rows) and profile are cached
 * together ({@link CacheKind#USER_DATA}) and dropped, in every instance, whenever the listener's events or profile
 * change ({@link #invalidate}, which also runs the hooks {@link #onInvalidate} registered: the session answers).
 * Events come in through {@link EventIngest}, session picks are {@link SessionService}'s. Thread-safe.
 */
public final class ListenerService {
    /** History rows a listener's cached state holds (what sessions and strategies are computed from). */
    static final int SESSION_HISTORY = 500;
    static final int HISTORY_LIMIT = 50;
    private static final Pattern USER_ID = Pattern.compile("[A-Za-z0-9._:@+\\-]{1,128}");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ListenerStore store;
    private final TieredCache cache;
    private final EngineHolder engines;
    private final Clock clock;
    private final List<Consumer<String>> onInvalidate = new CopyOnWriteArrayList<>();
    private final List<Consumer<String>> beforeDelete = new CopyOnWriteArrayList<>();

    public record UserData(Listener listener, List<HistoryEntry> history, PersonalityProfile personality) implements TieredCache.Sized {
        /** About the heap it holds: a history row (a record, its track id string and an instant) is about 150 bytes. */
        @Override
        public long bytes() {
            return 400L + 150L * history.size() + (personality == null ? 0 : 300);
        }
    }

    public ListenerService(ListenerStore store, TieredCache cache, EngineHolder engines, Clock clock) {
        this.store = store;
        this.cache = cache;
        this.engines = engines;
        this.clock = clock;
    }

    public TieredCache cache() {
        return cache;
    }

    /** Runs {@code hook} with a listener's id whenever what is cached about them is dropped (after each change). */
    public void onInvalidate(Consumer<String> hook) {
        onInvalidate.add(hook);
    }

    /** Runs {@code hook} with a listener's id just before their rows are deleted. */
    public void beforeDelete(Consumer<String> hook) {
        beforeDelete.add(hook);
    }

    // ---- users

    public static String checkUserId(String id, String field) {
        if (id == null || !USER_ID.matcher(id).matches()) {
            throw new InvalidRequestException(field + " must be 1 to 128 characters from A-Z a-z 0-9 . _ : @ + -; got "
                    + (id == null ? "nothing" : "'" + (id.length() > 140 ? id.substring(0, 140) + "…" : id) + "'"));
        }
        return id;
    }

    public ListenerStore.Created createUser(String id, Instant createdAt) {
        checkUserId(id, "id");
        Instant now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS); // as the store keeps it
        if (createdAt != null && createdAt.isAfter(now.plus(EventReader.FUTURE_SKEW))) {
            throw new InvalidRequestException("created_at is in the future: " + createdAt);
        }
        ListenerStore.Created c = store.createUser(id, createdAt == null ? now : createdAt);
        if (c.created()) {
            cache.invalidate(CacheKind.USER_DATA, id);
        }
        return c;
    }

    /** The listener's cached record, history (top {@value #SESSION_HISTORY}) and profile; 404 when unknown. */
    public UserData userData(String id) {
        return userDataCached(id).value();
    }

    private TieredCache.Cached<UserData> userDataCached(String id) {
        checkUserId(id, "user id");
        TieredCache.Cached<UserData> c = cache.get(CacheKind.USER_DATA, id, UserDataCodec.INSTANCE, () -> store.user(id)
                .map(l -> new UserData(l, store.history(id, SESSION_HISTORY), store.personality(id).orElse(null)))
                .orElse(null));
        if (c == null || c.value() == null) {
            throw new NotFoundException("no listener '" + id + "'; create it with POST /api/v1/users {\"id\": \"" + id + "\"}");
        }
        return c;
    }

    public void deleteUser(String id) {
        checkUserId(id, "user id");
        beforeDelete.forEach(h -> h.accept(id)); // e.g. no queued session of theirs may land after the delete
        boolean existed = store.deleteUser(id);
        invalidate(id);
        if (engines.ready()) {
            engines.get().cf().forget(id);
        }
        if (!existed) {
            throw new NotFoundException("no listener '" + id + "'");
        }
    }

    /** Drops everything cached about the listener, in every instance (after each change, and for benchmarks). */
    public void invalidate(String userId) {
        cache.invalidate(CacheKind.USER_DATA, userId);
        onInvalidate.forEach(h -> h.accept(userId));
    }

    // ---- history

    public ObjectNode history(String userId, int limit) {
        if (limit < 1 || limit > HISTORY_LIMIT) {
            throw new InvalidRequestException("limit must be from 1 to " + HISTORY_LIMIT + ", got " + limit);
        }
        UserData d = userData(userId);
        Catalog c = engines.get().catalog();
        Instant now = clock.instant();
        ObjectNode out = NODES.objectNode();
        out.put("user_id", userId);
        out.put("half_life_days", PlayDecay.HALF_LIFE_DAYS);
        ArrayNode items = out.putArray("items");
        for (HistoryEntry h : d.history()) {
            if (items.size() >= limit) {
                break;
            }
            int t = c.indexOf(h.trackId());
            if (h.plays() <= 0 || t < 0) {
                continue;
            }
            ObjectNode item = items.addObject();
            item.put("rank", items.size());
            item.set("track", JsonBody.JSON.valueToTree(TrackMaps.summary(c, t)));
            item.put("play_count", Math.round(PlayDecay.decayed(h.playScore(), now) * 1000) / 1000.0);
            item.put("plays", Math.round(h.plays() * 1000) / 1000.0);
            item.put("skips", h.skips());
            item.put("likes", h.likes());
            item.put("saves", h.saves());
            item.put("dislikes", h.dislikes());
            item.put("last_event_at", h.lastEventAt().toString());
            item.set("audio_features", JsonBody.JSON.valueToTree(TrackMaps.audioFeatures(c, t)));
        }
        out.put("total", items.size());
        return out;
    }

    // ---- personality

    public PersonalityProfile putPersonality(String userId, Traits traits, String source) {
        userData(userId); // 404 for an unknown listener
        // in milliseconds, as the store keeps it: the answer says what a later read says
        PersonalityProfile p = new PersonalityProfile(traits, source, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        store.putPersonality(userId, p);
        invalidate(userId);
        return p;
    }

    public PersonalityProfile personality(String userId) {
        PersonalityProfile p = userData(userId).personality();
        if (p == null) {
            throw new NotFoundException("listener '" + userId + "' has no personality profile; PUT one to /api/v1/users/"
                    + userId + "/personality");
        }
        return p;
    }

}
