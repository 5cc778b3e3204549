package dev.mixtape.app.learn;

import dev.mixtape.algo.cf.ArtistModelFiles;
import dev.mixtape.algo.cf.InteractionMatrix;
import dev.mixtape.algo.cf.ItemKnnModel;
import dev.mixtape.algo.learn.ListenerArtists;
import dev.mixtape.algo.learn.ListeningConfig;
import dev.mixtape.algo.learn.ListeningMatrix;
import dev.mixtape.algo.learn.ListeningModel;
import dev.mixtape.algo.learn.ListeningModelFiles;
import dev.mixtape.algo.learn.ListeningTrainer;
import dev.mixtape.app.config.TrainingConfig;
import dev.mixtape.app.lastfm.ImportedListening;
import dev.mixtape.app.lastfm.LastFmImport;
import dev.mixtape.app.server.Engine;
import dev.mixtape.app.server.EngineHolder;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.listener.EventLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains, saves, loads and swaps the listening model of the engine being served.
 *
 * <ul>
 *   <li><b>Data</b>: every listener's history from the store (at artist level, {@link ListenerArtists}) and, as extra
 *       listeners, the Last.fm users of the {@code lastfm-artists} import when there is one.</li>
 *   <li><b>One training at a time</b>, on one background thread of minimum priority (a second request while one is
 *       queued or running gets that job); requests never wait for it. The trained model is saved as the next
 *       version ({@link ListeningModelFiles}), then swapped in atomically ({@code Engine.cf()}); requests in flight
 *       finish on the model they read. A failure keeps the previous model serving, is logged and counted
 *       ({@code mixtape_model_trainings_total{result="failure"}}).</li>
 *   <li><b>Retraining</b>: after {@link TrainingConfig#retrainEvents} new events, or {@link TrainingConfig#retrainMinutes}
 *       after the last training when any event arrived since; checked every minute.</li>
 *   <li><b>At start</b> ({@link #start}): the newest version that loads is served (a damaged one is refused with a
 *       message naming the file, and the next older one tried); with none, a training is queued when there is
 *       anything to learn from.</li>
 * </ul>
 * Thread-safe.
 */
public final class ListeningTraining implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ListeningTraining.class);
    /** Versions kept on disk besides the one serving. */
    static final int KEEP = 5;
    static final int JOBS_KEPT = 20;

    private final EventLog store;
    private final EngineHolder engines;
    private final Path modelsDir;
    private final ListeningConfig config;
    private final TrainingConfig policy;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private final Map<String, TrainingJob> jobs = java.util.Collections.synchronizedMap(new LinkedHashMap<>());
    private final AtomicLong eventsSinceTraining = new AtomicLong();
    private volatile TrainingJob active;
    private volatile Instant lastTrainedAt;
    private volatile long lastTrainingMs = -1;
    private final Counter successes;
    private final Counter failures;

    public ListeningTraining(EventLog store, EngineHolder engines, Path modelsDir, ListeningConfig config, TrainingConfig policy,
                             MeterRegistry registry, Clock clock) {
        this.store = store;
        this.engines = engines;
        this.modelsDir = modelsDir;
        this.config = config;
        this.policy = policy;
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mixtape-training");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        this.executor.setRemoveOnCancelPolicy(true);
        this.successes = Counter.builder("mixtape.model.trainings").tag("result", "success")
                .description("listening-model trainings that finished and were swapped in").register(registry);
        this.failures = Counter.builder("mixtape.model.trainings").tag("result", "failure")
                .description("listening-model trainings that failed (the previous model kept serving)").register(registry);
        Gauge.builder("mixtape.model.events.since.training", eventsSinceTraining, AtomicLong::get)
                .description("events stored since the serving listening model was trained").register(registry);
        Gauge.builder("mixtape.model.training.seconds", this, t -> t.lastTrainingMs < 0 ? Double.NaN : t.lastTrainingMs / 1000.0)
                .description("duration of the last successful training").register(registry);
    }

    public Path modelsDir() {
        return modelsDir;
    }

    /** Loads the newest usable version into {@code engine}, or queues a training when there is none; then checks the policy every minute. */
    public void start(Engine engine) {
        String loaded = load(engine);
        if (loaded == null) {
            train("first start: no listening model on disk");
        }
        executor.scheduleWithFixedDelay(this::checkPolicy, 1, 1, TimeUnit.MINUTES);
    }

    /** Serves the newest version that loads; returns its name, or null when none did. */
    String load(Engine engine) {
        List<ListeningModelFiles.Version> versions;
        try {
            versions = ListeningModelFiles.versions(modelsDir);
        } catch (IOException e) {
            LOG.atWarn().log("cannot list the listening models in " + modelsDir + ": " + e.getMessage());
            return null;
        }
        for (ListeningModelFiles.Version v : versions) {
            try {
                ListeningModel m = ListeningModelFiles.load(modelsDir, v.name(), engine.catalog());
                engine.cf().listening(m, "listening model " + v.name() + " (" + m.artists() + " artists, "
                        + m.info().getOrDefault("listeners", "?") + " listeners + " + m.info().getOrDefault("imported_listeners", "?") + " imported)");
                lastTrainedAt = parse(m.info().get("created"));
                LOG.atInfo().addKeyValue("version", v.name()).log("listening model loaded");
                return v.name();
            } catch (IOException | RuntimeException e) {
                LOG.atWarn().log("listening model " + v.name() + " refused: " + e.getMessage());
                engine.cf().listening(null, "refused " + v.name() + ": " + e.getMessage());
            }
        }
        return null;
    }

    private static Instant parse(String s) {
        try {
            return s == null ? null : Instant.parse(s);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    /** Counts stored events toward the retrain policy (called after each stored batch). */
    public void eventsStored(int n) {
        long since = eventsSinceTraining.addAndGet(n);
        if (policy.retrainEvents() > 0 && since >= policy.retrainEvents() && active == null) {
            train(since + " events since the last training (model.retrain.events = " + policy.retrainEvents() + ")");
        }
    }

    private void checkPolicy() {
        Instant last = lastTrainedAt;
        if (policy.retrainMinutes() > 0 && active == null && eventsSinceTraining.get() > 0
                && (last == null || last.plusSeconds(60L * policy.retrainMinutes()).isBefore(clock.instant()))) {
            train("model.retrain.minutes = " + policy.retrainMinutes() + " passed with new events");
        }
    }

    /** Queues a training (or returns the one queued or running). */
    public synchronized TrainingJob train(String reason) {
        TrainingJob a = active;
        if (a != null && !a.done()) {
            return a;
        }
        TrainingJob job = new TrainingJob("train_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16), reason, clock.instant());
        active = job;
        remember(job);
        executor.execute(() -> run(job));
        return job;
    }

    private void remember(TrainingJob job) {
        synchronized (jobs) {
            jobs.put(job.id(), job);
            while (jobs.size() > JOBS_KEPT) {
                jobs.remove(jobs.keySet().iterator().next());
            }
        }
    }

    public Optional<TrainingJob> job(String id) {
        return Optional.ofNullable(jobs.get(id));
    }

    /** Recent jobs, newest first. */
    public List<TrainingJob> jobs() {
        List<TrainingJob> out;
        synchronized (jobs) {
            out = new ArrayList<>(jobs.values());
        }
        java.util.Collections.reverse(out);
        return out;
    }

    private void run(TrainingJob job) {
        job.start(clock.instant());
        try {
            Engine engine = engines.get();
            long before = eventsSinceTraining.get();
            ListeningModel m = trainNow(engine.catalog(), job::phase);
            engine.cf().listening(m, "listening model " + m.version() + " (" + m.artists() + " artists, "
                    + m.info().get("listeners") + " listeners + " + m.info().get("imported_listeners") + " imported), trained " + m.info().get("created"));
            eventsSinceTraining.addAndGet(-before);
            lastTrainedAt = clock.instant();
            lastTrainingMs = Long.parseLong(m.info().getOrDefault("train_ms", "0")) + Long.parseLong(m.info().getOrDefault("validate_ms", "0"));
            try {
                ListeningModelFiles.prune(modelsDir, KEEP, m.version());
            } catch (IOException e) {
                LOG.atWarn().log("cannot prune old listening models: " + e.getMessage());
            }
            successes.increment();
            job.succeed(m.version(), m.info(), clock.instant());
            LOG.atInfo().addKeyValue("version", m.version()).addKeyValue("reason", job.view().get("reason"))
                    .addKeyValue("recall_at_50", m.info().get("validation_recall_at_50")).log("listening model trained and serving");
        } catch (Throwable e) {
            failures.increment();
            String why = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            job.fail(why, clock.instant());
            LOG.atWarn().log("listening-model training failed, the previous model keeps serving: " + why);
            if (e instanceof Error err && !(e instanceof OutOfMemoryError)) {
                throw err;
            }
        } finally {
            synchronized (this) {
                if (active == job) {
                    active = null;
                }
            }
        }
    }

    /** What a training reports as it goes: a phase and the share of the job done. */
    @FunctionalInterface
    public interface Progress {
        void phase(String name, double fraction);
    }

    /**
     * Trains and saves a new version for {@code catalog} now, on the calling thread (the CLI's {@code train} and the
     * background jobs both come here).
     *
     * @throws IOException when there is nothing to learn from, or saving fails
     */
    public ListeningModel trainNow(Catalog catalog, Progress progress) throws IOException {
        Instant now = clock.instant();
        progress.phase("read", 0);
        EventLog.EventStats stats = store.eventStats();
        ListeningMatrix.Builder b = new ListeningMatrix.Builder(catalog.artistCount());
        String imported = addImported(b, catalog);
        progress.phase("read", 0.05);
        long[] listeners = {0};
        store.scanHistories((id, rows) -> {
            b.addListener(id, ListenerArtists.of(catalog, rows, now, config));
            listeners[0]++;
        });
        if (b.rows() == 0) {
            throw new IOException("nothing to learn from: no listener has events yet and there is no Last.fm import "
                    + "(run ./mixtape import lastfm DIR, or post events)");
        }
        ListeningMatrix data = b.build();
        progress.phase("validate", 0.1);
        String version = ListeningModelFiles.nextName(modelsDir);
        Map<String, String> info = new LinkedHashMap<>();
        info.put("created", now.toString());
        info.put("events", Long.toString(stats.events()));
        info.put("events_received_until", stats.lastReceivedAt() == null ? "" : stats.lastReceivedAt().toString());
        info.put("imported_from", imported);
        ListeningTrainer.Result r = new ListeningTrainer(config).train(catalog, data, version, info,
                (phase, done, total) -> progress.phase(phase, 0.1 + 0.8 * done / total));
        progress.phase("save", 0.9);
        ListeningModelFiles.save(modelsDir, r.model());
        progress.phase("save", 1);
        return r.model();
    }

    /**
     * Adds the Last.fm import's listeners, if there is one for this catalog: every matched artist of each user
     * ({@link ImportedListening}), else (an import from before that file existed) the related-artists model's
     * training rows. Says what was added.
     */
    private String addImported(ListeningMatrix.Builder b, Catalog catalog) {
        Path file = modelsDir.resolve(LastFmImport.LISTENING_FILE);
        try {
            Optional<List<int[]>> users = ImportedListening.read(file, catalog);
            if (users.isPresent()) {
                int added = 0;
                for (int[] row : users.get()) {
                    if (row.length > 0) {
                        b.addImported(ListenerArtists.plain(row));
                        added++;
                    }
                }
                return "lastfm-2k (" + file.getFileName() + "): " + added + " listeners";
            }
        } catch (IOException e) {
            LOG.atWarn().log("the imported listening is not used for training: " + e.getMessage());
            return "none (" + e.getMessage() + ")";
        }
        Optional<ArtistModelFiles.Saved<ItemKnnModel>> saved;
        try {
            saved = ArtistModelFiles.load(modelsDir, LastFmImport.MODEL_NAME);
        } catch (IOException e) {
            LOG.atWarn().log("the Last.fm import is not used for training: " + e.getMessage());
            return "none (" + e.getMessage() + ")";
        }
        if (saved.isEmpty()) {
            return "none";
        }
        List<String> ids = saved.get().artistIds();
        int[] artist = new int[ids.size()];
        for (int i = 0; i < artist.length; i++) {
            artist[i] = catalog.artistIndexOf(ids.get(i));
        }
        InteractionMatrix m = saved.get().model().interactions();
        int added = 0;
        for (int u = 0; u < m.users(); u++) {
            int[] row = new int[m.userCount(u)];
            int k = 0;
            for (int e = m.userPtr()[u]; e < m.userPtr()[u + 1]; e++) {
                int a = artist[m.userItems()[e]];
                if (a >= 0) {
                    row[k++] = a;
                }
            }
            if (k > 0) {
                b.addImported(ListenerArtists.plain(java.util.Arrays.copyOf(row, k)));
                added++;
            }
        }
        return saved.get().info().getOrDefault("dataset", "lastfm") + ": " + added + " listeners";
    }

    /** What {@code GET /api/v1/models} shows: the versions on disk, which serves, recent jobs and the policy. */
    public Map<String, Object> describe() {
        Map<String, Object> out = new LinkedHashMap<>();
        ListeningModel serving = null;
        String status = "no catalog loaded";
        if (engines.ready()) {
            serving = engines.get().cf().listening();
            status = engines.get().cf().listeningStatus();
        }
        out.put("serving", serving == null ? null : serving.version());
        out.put("status", status);
        List<Map<String, Object>> versions = new ArrayList<>();
        try {
            for (ListeningModelFiles.Version v : ListeningModelFiles.versions(modelsDir)) {
                Map<String, Object> o = new LinkedHashMap<>();
                o.put("version", v.name());
                o.put("serving", serving != null && serving.version().equals(v.name()));
                o.put("bytes", v.bytes());
                o.put("manifest", v.info());
                versions.add(o);
            }
        } catch (IOException e) {
            out.put("error", "cannot list " + modelsDir + ": " + e.getMessage());
        }
        out.put("versions", versions);
        Map<String, Object> embeddings = new LinkedHashMap<>();
        if (engines.ready()) {
            dev.mixtape.algo.learn.ArtistEmbeddings e = engines.get().cf().embeddings();
            embeddings.put("status", engines.get().cf().embeddingsStatus());
            embeddings.put("fit", e == null ? null : new java.util.TreeMap<>(e.info()));
        }
        out.put("artist_embeddings", embeddings);
        out.put("events_since_training", eventsSinceTraining.get());
        out.put("retrain", Map.of("events", policy.retrainEvents(), "minutes", policy.retrainMinutes()));
        out.put("jobs", jobs().stream().map(TrainingJob::view).toList());
        return out;
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
