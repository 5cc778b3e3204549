package dev.mixtape.app.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.algo.experiment.ProportionStats;
import dev.mixtape.core.InvalidRequestException;
import dev.mixtape.core.NotFoundException;
import dev.mixtape.core.experiment.Experiment;
import dev.mixtape.storage.jdbc.JdbcExperimentStore;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * A/B experiments: creation (validated against the strategy registry), deterministic assignment, impressions,
 * and the per-variant report with Wilson 95% intervals and two-proportion z-tests against the control (the
 * first variant). Thread-safe.
 */
public final class ExperimentService {
    static final Set<String> FIELDS = Set.of("name", "variants", "starts_at", "ends_at");
    static final Set<String> VARIANT_FIELDS = Set.of("name", "strategy", "weight");
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final Supplier<JdbcExperimentStore> store;
    private final Supplier<Collection<String>> strategies;
    private final Clock clock;

    /** @param strategies the names a variant may use */
    public ExperimentService(Supplier<JdbcExperimentStore> store, Supplier<Collection<String>> strategies, Clock clock) {
        this.store = store;
        this.strategies = strategies;
        this.clock = clock;
    }

    public Experiment create(JsonNode body) {
        JsonBody.checkFields(body, FIELDS, "");
        String name = JsonBody.text(body, "name", "the experiment's name");
        JsonNode vs = body.get("variants");
        if (vs == null || !vs.isArray()) {
            throw new InvalidRequestException("variants is required: an array like [{\"name\": \"control\", \"strategy\": \"content\", "
                    + "\"weight\": 0.5}, ...]");
        }
        List<Experiment.Variant> variants = new ArrayList<>();
        Collection<String> known = strategies.get();
        for (int i = 0; i < vs.size(); i++) {
            JsonNode v = vs.get(i);
            if (!v.isObject()) {
                throw new InvalidRequestException("variants[" + i + "] must be an object with name, strategy and weight");
            }
            JsonBody.checkFields(v, VARIANT_FIELDS, "variants[" + i + "].");
            String strategy = JsonBody.text(v, "strategy", "a strategy name");
            if (!known.contains(strategy)) {
                throw new InvalidRequestException("variants[" + i + "].strategy: unknown strategy '" + strategy + "'; valid: "
                        + String.join(", ", known));
            }
            JsonNode w = v.get("weight");
            if (w == null || !w.isNumber()) {
                throw new InvalidRequestException("variants[" + i + "].weight is required: a share of listeners, the weights summing to 1");
            }
            variants.add(new Experiment.Variant(JsonBody.text(v, "name", "the variant's name"), strategy, w.asDouble()));
        }
        Instant starts = body.hasNonNull("starts_at") ? JsonBody.instant(body.get("starts_at"), "starts_at") : null;
        Instant ends = body.hasNonNull("ends_at") ? JsonBody.instant(body.get("ends_at"), "ends_at") : null;
        Experiment e = new Experiment(name, variants, starts, ends, clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        if (!store.get().create(e)) {
            throw new dev.mixtape.core.ConflictException("an experiment named '" + name + "' exists; experiments are immutable, create another name");
        }
        return e;
    }

    public Experiment get(String name) {
        return store.get().get(name).orElseThrow(() -> new NotFoundException("no experiment '" + name + "'"));
    }

    public List<Experiment> list() {
        return store.get().list();
    }

    /** The live experiment's variant for the listener; 404 or 400 naming why not. */
    public Experiment.Variant assign(String name, String userId) {
        Experiment e = get(name);
        Instant now = clock.instant();
        if (!e.live(now)) {
            throw new InvalidRequestException("experiment '" + name + "' is not running now (" + (e.startsAt() != null && now.isBefore(e.startsAt())
                    ? "it starts at " + e.startsAt() : "it ended at " + e.endsAt()) + ")");
        }
        return e.assign(userId);
    }

    public void impression(String recommendationId, String experiment, String variant, String userId) {
        store.get().logImpression(recommendationId, experiment, variant, userId, clock.instant());
    }

    public ObjectNode report(String name) {
        Experiment e = get(name);
        Map<String, JdbcExperimentStore.Counts> counts = store.get().counts(name);
        ObjectNode out = json(e);
        out.put("live", e.live(clock.instant()));
        ArrayNode vs = out.putArray("results");
        JdbcExperimentStore.Counts control = counts.getOrDefault(e.variants().get(0).name(), new JdbcExperimentStore.Counts(0, 0, 0));
        for (int i = 0; i < e.variants().size(); i++) {
            Experiment.Variant v = e.variants().get(i);
            JdbcExperimentStore.Counts c = counts.getOrDefault(v.name(), new JdbcExperimentStore.Counts(0, 0, 0));
            ObjectNode o = vs.addObject();
            o.put("variant", v.name());
            o.put("strategy", v.strategy());
            o.put("control", i == 0);
            o.put("impressions", c.impressions());
            rate(o, "save", c.saved(), c.impressions());
            rate(o, "like", c.liked(), c.impressions());
            if (i > 0) {
                ObjectNode t = o.putObject("versus_control");
                test(t, "save_rate", control.saved(), control.impressions(), c.saved(), c.impressions());
                test(t, "like_rate", control.liked(), control.impressions(), c.liked(), c.impressions());
            }
        }
        out.put("method", "rates per impression (an answer with at least one save / like event naming its recommendation_id); "
                + "95% Wilson intervals; two-sided two-proportion z-test against the control (Apache Commons Math)");
        return out;
    }

    private static void rate(ObjectNode o, String what, long k, long n) {
        o.put(what + "s", k);
        o.put(what + "_rate", n == 0 ? 0.0 : round((double) k / n));
        ProportionStats.Interval ci = ProportionStats.wilson(k, n, 0.95);
        o.putArray(what + "_rate_ci95").add(round(ci.low())).add(round(ci.high()));
    }

    private static void test(ObjectNode t, String what, long a, long n1, long b, long n2) {
        ProportionStats.ZTest z = ProportionStats.twoProportion(a, n1, b, n2);
        ObjectNode o = t.putObject(what);
        o.put("difference", round((n2 == 0 ? 0 : (double) b / n2) - (n1 == 0 ? 0 : (double) a / n1)));
        o.put("z", round(z.z()));
        o.put("p_value", round(z.pValue()));
    }

    static ObjectNode json(Experiment e) {
        ObjectNode o = NODES.objectNode();
        o.put("name", e.name());
        ArrayNode vs = o.putArray("variants");
        for (Experiment.Variant v : e.variants()) {
            vs.addObject().put("name", v.name()).put("strategy", v.strategy()).put("weight", v.weight());
        }
        o.put("starts_at", e.startsAt() == null ? null : e.startsAt().toString());
        o.put("ends_at", e.endsAt() == null ? null : e.endsAt().toString());
        o.put("created_at", e.createdAt().toString());
        return o;
    }

    private static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
