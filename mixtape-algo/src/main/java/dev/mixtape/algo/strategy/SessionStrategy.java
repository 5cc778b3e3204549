package dev.mixtape.algo.strategy;

import dev.mixtape.algo.listener.SessionRecommender;
import dev.mixtape.algo.rerank.Scored;
import dev.mixtape.core.InvalidRequestException;
import java.util.ArrayList;
import java.util.List;

/**
 * The session picks of {@code POST /api/v1/sessions} as a strategy: the same {@link SessionRecommender} (the served
 * blend of history, personality, diversity and novelty, the cold-start stages, the listening model's scores), so a v2
 * request gets them with its filters, diversity and artist cap, and {@code auto} can choose them. Best first, scored by
 * the session's own pick score; the engine's re-ranking then applies the request's {@code diversity} on top.
 */
public final class SessionStrategy implements Strategy {
    private final StrategyModels m;
    private final SessionRecommender sessions;

    public SessionStrategy(StrategyModels m, SessionRecommender sessions) {
        this.m = m;
        this.sessions = sessions;
    }

    public SessionRecommender sessions() {
        return sessions;
    }

    @Override
    public String name() {
        return "session";
    }

    @Override
    public String description() {
        return "the listener's session picks: the listening model's history score blended with personality, diversity and"
                + " novelty by the listener's stage (POST /api/v1/sessions)";
    }

    @Override
    public void validate(StrategyRequest r) {
        if (!r.hasListener()) {
            throw new InvalidRequestException("strategy session needs user_id");
        }
        if (r.hasTrack()) {
            throw new InvalidRequestException("strategy session serves a listener and takes no track_id"
                    + " (for picks around a track use content, collaborative or hybrid)");
        }
    }

    @Override
    public List<Scored> recommend(StrategyRequest r, int k) {
        ListenerState l = r.listener();
        SessionRecommender.Input in = new SessionRecommender.Input(l.listener(), l.history(), l.profile(),
                r.context().time().toInstant(), k + r.exclude().size(), m.listening(r));
        List<Scored> out = new ArrayList<>(k);
        for (SessionRecommender.Pick p : sessions.recommend(in).picks()) {
            if (out.size() < k && !r.exclude().contains(p.track())) {
                out.add(new Scored(p.track(), p.score(), p.explanation(), p.contributions()));
            }
        }
        return out;
    }
}
