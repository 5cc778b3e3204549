package dev.mixtape.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An HTTP load driver for a running {@code mixtape serve}: a closed loop of {@code connections}
 * keep-alive connections, each with exactly one request in flight, replaying a fixed set of
 * {@code /v1/recommendations} URLs (from {@link QueryGenerator}) round-robin. A warm-up phase is
 * run and discarded, then the measured phase stops at the duration or at the request cap, whichever
 * comes first. Prints requests/s, latency percentiles (exact: every latency is kept and sorted),
 * I/O errors and non-200 answers.
 *
 * <p>Only loopback addresses are accepted as targets: this is a tool for measuring one's own server
 * on one's own machine, not for sending load elsewhere.
 *
 * <p>Closed-loop caveat: a slow answer delays that connection's next request, so latencies under
 * saturation are understated ("coordinated omission"); read p99 together with requests/s.
 */
public final class HttpLoad {
    /** Where seed ids come from. */
    public enum SeedSource {
        /** the catalog file if one is found, else the server */
        AUTO,
        /** the catalog file: the same queries as the JMH benchmark */
        FILE,
        /** the server: genres from available-genre-seeds, tracks and artists from one genre query each */
        SERVER
    }

    /** Settings of one run. */
    public record Options(String url, int connections, Duration duration, Duration warmup, long maxRequests,
                          Duration timeout, int queries, long seed, SeedSource seeds, Path catalog, String token) {}

    /** The outcome of the measured phase. */
    public record Result(long completed, long errors, long non200, Map<Integer, Long> statuses, double seconds,
                         long[] sortedNanos, int connections, long connects, long retries, int peakInFlight,
                         List<String> errorSamples, Timeline timeline) {
        public double requestsPerSecond() {
            return seconds > 0 ? completed / seconds : 0;
        }

        /** Nearest-rank percentile in milliseconds, {@code p} in [0, 1]. */
        public double percentileMillis(double p) {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p * sortedNanos.length);
            return sortedNanos[Math.max(0, Math.min(sortedNanos.length, rank) - 1)] / 1e6;
        }

        public double meanMillis() {
            if (sortedNanos.length == 0) {
                return Double.NaN;
            }
            double sum = 0;
            for (long n : sortedNanos) {
                sum += n;
            }
            return sum / sortedNanos.length / 1e6;
        }
    }

    /**
     * Every measured exchange in the order the workers recorded them: when it ended (nanoseconds after the measured phase
     * began, {@code measureStartNanos} on {@link System#nanoTime}'s clock) and its latency in nanoseconds, or
     * {@link #ERROR} for an I/O error and {@link #NON_200} for another status.
     */
    public record Timeline(long measureStartNanos, long[] endNanos, long[] latencyNanos) {
        public static final long ERROR = -1;
        public static final long NON_200 = -2;
    }

    /** A usage problem (bad target, unreachable server, server not ready, queries rejected). */
    public static final class SetupException extends Exception {
        private static final long serialVersionUID = 1L;

        public SetupException(String message) {
            super(message);
        }
    }

    /** The checked target: a loopback socket address, the Host header and a path prefix. */
    record Target(InetSocketAddress address, String hostHeader, String pathPrefix) {}

    private HttpLoad() {}

    /**
     * Checks that {@code url} is {@code http://} to a loopback address.
     *
     * @throws SetupException naming the host when it is not loopback (nothing is sent to it)
     */
    static Target target(String url) throws SetupException {
        URI u;
        try {
            u = new URI(url);
        } catch (URISyntaxException e) {
            throw new SetupException("not a URL: '" + url + "'");
        }
        if (!"http".equalsIgnoreCase(u.getScheme())) {
            throw new SetupException("only http:// URLs are supported, got '" + url + "'");
        }
        String host = u.getHost();
        if (host == null || host.isEmpty()) {
            throw new SetupException("the URL has no host: '" + url + "'");
        }
        InetAddress[] all;
        try {
            all = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new SetupException("unknown host '" + host + "'");
        }
        InetAddress chosen = null;
        for (InetAddress a : all) {
            if (!a.isLoopbackAddress()) {
                throw new SetupException("refusing to send load to " + host + " (" + a.getHostAddress()
                        + "): the HTTP load driver only targets loopback addresses (127.0.0.0/8, ::1, localhost)");
            }
            if (chosen == null || (a instanceof Inet4Address && !(chosen instanceof Inet4Address))) {
                chosen = a;
            }
        }
        int port = u.getPort() == -1 ? 80 : u.getPort();
        String path = u.getRawPath() == null ? "" : u.getRawPath();
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Target(new InetSocketAddress(chosen, port), u.getRawAuthority(), path);
    }

    /** Runs the load and prints the report; returns the exit code (0 clean, 1 errors or non-200 answers). */
    public static int run(Options o, PrintStream out) throws SetupException, IOException, InterruptedException {
        Result r = measure(o, out, null);
        print(r, out);
        return r.errors() == 0 && r.non200() == 0 ? 0 : 1;
    }

    /**
     * Runs the load and returns what it measured. {@code during}, when given, starts on its own thread as the measured
     * phase begins, with that moment on {@link System#nanoTime}'s clock (for actions under load, such as a model swap).
     */
    public static Result measure(Options o, PrintStream out, java.util.function.LongConsumer during)
            throws SetupException, IOException, InterruptedException {
        validate(o);
        Target target = target(o.url());
        int timeout = (int) Math.min(Integer.MAX_VALUE, o.timeout().toMillis());
        String headers = "Host: " + target.hostHeader() + "\r\nAccept: application/json\r\nUser-Agent: mixtape-bench\r\n"
                + (o.token() == null || o.token().isBlank() ? "" : "Authorization: Bearer " + o.token().strip() + "\r\n");
        byte[][] requests;
        try (Http1Connection probe = new Http1Connection(target.address(), timeout)) {
            Http1Connection.Response ready;
            try {
                ready = probe.exchange(request("GET", target.pathPrefix() + "/health/ready", headers), true);
            } catch (ConnectException e) {
                throw new SetupException("nothing is listening at " + o.url() + " (" + e.getMessage()
                        + "); start the server first, e.g. ./mixtape serve");
            }
            if (ready.status() != 200) {
                throw new SetupException("the server at " + o.url() + " is not ready (" + ready.status() + " "
                        + ready.bodyText(300) + "); wait for it to load the catalog");
            }
            QueryGenerator.SeedPool pool = pool(o, probe, target, headers, out);
            List<QueryGenerator.Query> queries = QueryGenerator.generate(pool, o.queries(), o.seed());
            requests = new byte[queries.size()][];
            for (int i = 0; i < requests.length; i++) {
                requests[i] = request("GET", target.pathPrefix() + queries.get(i).pathAndQuery(), headers);
            }
            preflight(probe, requests, queries, out);
        }
        out.printf("load: %s, %d connections, %d distinct queries, warm-up %s, then at most %s or %,d requests%n",
                o.url(), o.connections(), requests.length, human(o.warmup()), human(o.duration()), o.maxRequests());
        return load(target, requests, o, timeout, during);
    }

    private static void validate(Options o) throws SetupException {
        if (o.connections() < 1 || o.connections() > 4096) {
            throw new SetupException("--connections must be from 1 to 4096, got " + o.connections());
        }
        if (o.duration().isNegative() || o.duration().isZero()) {
            throw new SetupException("--duration must be positive, got " + o.duration());
        }
        if (o.warmup().isNegative()) {
            throw new SetupException("--warmup must not be negative, got " + o.warmup());
        }
        if (o.maxRequests() < 1) {
            throw new SetupException("--max-requests must be positive, got " + o.maxRequests());
        }
        if (o.maxRequests() > 50_000_000) {
            throw new SetupException("--max-requests at most 50,000,000 (every latency is kept in memory), got "
                    + o.maxRequests());
        }
        if (o.queries() < 1) {
            throw new SetupException("--queries must be positive, got " + o.queries());
        }
        if (o.timeout().toMillis() < 1) {
            throw new SetupException("--timeout must be at least 1 ms, got " + o.timeout());
        }
    }

    static byte[] request(String method, String pathAndQuery, String headers) {
        return (method + " " + (pathAndQuery.isEmpty() ? "/" : pathAndQuery) + " HTTP/1.1\r\n" + headers + "\r\n")
                .getBytes(StandardCharsets.US_ASCII);
    }

    private static QueryGenerator.SeedPool pool(Options o, Http1Connection c, Target target, String headers,
                                                PrintStream out) throws IOException, SetupException {
        SeedSource source = o.seeds();
        Path file = null;
        if (source != SeedSource.SERVER) {
            try {
                file = BenchData.catalogFile(o.catalog());
                source = SeedSource.FILE;
            } catch (IOException e) {
                if (source == SeedSource.FILE) {
                    throw e;
                }
                source = SeedSource.SERVER;
            }
        }
        long start = System.nanoTime();
        QueryGenerator.SeedPool pool;
        if (source == SeedSource.FILE) {
            pool = QueryGenerator.SeedPool.of(BenchData.loadCatalog(file));
            out.printf("seeds: from %s (%,d tracks, %d genres; the same queries as the JMH benchmark), %d ms%n",
                    file, pool.trackIds().size(), pool.genres().size(), (System.nanoTime() - start) / 1_000_000);
        } else {
            pool = serverPool(c, target, headers);
            out.printf("seeds: from the server (%,d tracks, %d genres), %d ms%n",
                    pool.trackIds().size(), pool.genres().size(), (System.nanoTime() - start) / 1_000_000);
        }
        return pool;
    }

    /** Genres from available-genre-seeds; tracks and their primary artists from one 100-track query per genre. */
    private static QueryGenerator.SeedPool serverPool(Http1Connection c, Target target, String headers)
            throws IOException, SetupException {
        ObjectMapper json = new ObjectMapper();
        String prefix = target.pathPrefix();
        Http1Connection.Response r = c.exchange(request("GET", prefix + "/v1/recommendations/available-genre-seeds", headers), true);
        if (r.status() != 200) {
            throw new SetupException("available-genre-seeds answered " + r.status() + ": " + r.bodyText(300));
        }
        List<String> genres = new ArrayList<>();
        json.readTree(r.body()).path("genres").forEach(g -> genres.add(g.asText()));
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<String> tracks = new ArrayList<>();
        List<String> artists = new ArrayList<>();
        for (String g : genres) {
            String path = prefix + "/v1/recommendations?limit=100&seed_genres=" + URLEncoder.encode(g, StandardCharsets.UTF_8);
            r = c.exchange(request("GET", path, headers), true);
            if (r.status() != 200) {
                throw new SetupException(path + " answered " + r.status() + ": " + r.bodyText(300));
            }
            for (JsonNode t : json.readTree(r.body()).path("tracks")) {
                String id = t.path("id").asText();
                JsonNode artist = t.path("artists").path(0).path("id");
                if (!id.isEmpty() && !artist.isMissingNode() && seen.add(id)) {
                    tracks.add(id);
                    artists.add(artist.asText());
                }
            }
        }
        if (genres.isEmpty() || tracks.isEmpty()) {
            throw new SetupException("the server returned no genres or no tracks to seed queries with");
        }
        return new QueryGenerator.SeedPool(tracks, artists, genres);
    }

    /** Sends every query once, in order, on one connection; any non-200 answer aborts the run. */
    private static void preflight(Http1Connection c, byte[][] requests, List<QueryGenerator.Query> queries, PrintStream out)
            throws IOException, SetupException {
        long start = System.nanoTime();
        for (int i = 0; i < requests.length; i++) {
            Http1Connection.Response r = c.exchange(requests[i], false);
            if (r.status() != 200) {
                Http1Connection.Response again = c.exchange(requests[i], true);
                throw new SetupException("query " + i + " answered " + again.status() + " in the pre-flight check: "
                        + again.bodyText(400) + "\n  " + queries.get(i).pathAndQuery()
                        + "\n  (was the server loaded from a different catalog than the seeds? try --seeds server)");
            }
        }
        out.printf("pre-flight: all %d queries answered 200 (%d ms, one connection)%n",
                requests.length, (System.nanoTime() - start) / 1_000_000);
    }

    private static Result load(Target target, byte[][] requests, Options o, int timeout, java.util.function.LongConsumer during)
            throws InterruptedException, SetupException {
        int n = o.connections();
        Worker[] workers = new Worker[n];
        Shared shared = new Shared(requests, o.maxRequests(), n);
        Thread[] threads = new Thread[n];
        for (int i = 0; i < n; i++) {
            workers[i] = new Worker(shared, new Http1Connection(target.address(), timeout));
            threads[i] = new Thread(workers[i], "load-" + i);
            threads[i].setDaemon(true);
            threads[i].start();
        }
        shared.connected.await();
        for (Worker w : workers) {
            if (w.connectError != null) {
                shared.abort = true;
                shared.go.countDown();
                for (Thread t : threads) {
                    t.join();
                }
                throw new SetupException("could not open " + n + " connections: " + w.connectError);
            }
        }
        long now = System.nanoTime();
        shared.measureStart = now + o.warmup().toNanos();
        shared.deadline = shared.measureStart + o.duration().toNanos();
        shared.go.countDown();
        Thread action = null;
        if (during != null) {
            long start = shared.measureStart;
            action = Thread.ofPlatform().name("load-action").daemon().start(() -> {
                long wait = start - System.nanoTime();
                if (wait > 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(wait);
                }
                during.accept(start);
            });
        }
        for (Thread t : threads) {
            t.join();
        }
        if (action != null) {
            action.join();
        }
        long last = shared.measureStart;
        long completed = 0;
        long errors = 0;
        long non200 = 0;
        long connects = 0;
        long retries = 0;
        int total = 0;
        Map<Integer, Long> statuses = new TreeMap<>();
        List<String> samples = new ArrayList<>();
        for (Worker w : workers) {
            last = Math.max(last, w.lastEnd);
            completed += w.count;
            errors += w.errors;
            non200 += w.non200;
            connects += w.connection.connects();
            retries += w.connection.retries();
            total += w.count;
            w.statuses.forEach((k, v) -> statuses.merge(k, v, Long::sum));
            if (w.firstError != null && samples.size() < 5 && !samples.contains(w.firstError)) {
                samples.add(w.firstError);
            }
        }
        long[] all = new long[total];
        int k = 0;
        int events = 0;
        for (Worker w : workers) {
            System.arraycopy(w.latencies, 0, all, k, w.count);
            k += w.count;
            events += w.events;
        }
        long[] ends = new long[events];
        long[] lats = new long[events];
        int e = 0;
        for (Worker w : workers) {
            for (int i = 0; i < w.events; i++) {
                ends[e] = w.eventEnds[i] - shared.measureStart;
                lats[e++] = w.eventLatencies[i];
            }
        }
        Arrays.sort(all);
        return new Result(completed, errors, non200, statuses, (last - shared.measureStart) / 1e9, all, n, connects,
                retries, shared.peakInFlight.get(), samples, new Timeline(shared.measureStart, ends, lats));
    }

    /** State shared by the workers. */
    private static final class Shared {
        final byte[][] requests;
        final long max;
        final CountDownLatch connected;
        final CountDownLatch go = new CountDownLatch(1);
        final AtomicLong issued = new AtomicLong();
        final AtomicLong warmIssued = new AtomicLong();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger peakInFlight = new AtomicInteger();
        volatile long measureStart;
        volatile long deadline;
        volatile boolean abort;

        Shared(byte[][] requests, long max, int workers) {
            this.requests = requests;
            this.max = max;
            this.connected = new CountDownLatch(workers);
        }
    }

    /** One connection in a closed loop: send, wait for the whole answer, send the next. */
    private static final class Worker implements Runnable {
        final Shared shared;
        final Http1Connection connection;
        long[] latencies = new long[4096];
        int count;
        /** Every measured exchange: its end and latency (or Timeline.ERROR / NON_200). */
        long[] eventEnds = new long[4096];
        long[] eventLatencies = new long[4096];
        int events;
        long errors;
        long non200;
        long lastEnd;
        String connectError;
        String firstError;
        final Map<Integer, Long> statuses = new TreeMap<>();

        Worker(Shared shared, Http1Connection connection) {
            this.shared = shared;
            this.connection = connection;
        }

        @Override
        public void run() {
            try {
                connection.connect();
            } catch (IOException e) {
                connectError = e.toString();
            }
            shared.connected.countDown();
            try {
                shared.go.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (shared.abort) {
                connection.close();
                return;
            }
            byte[][] requests = shared.requests;
            long measureStart = shared.measureStart;
            long deadline = shared.deadline;
            while (System.nanoTime() < measureStart) {
                exchange(requests[(int) (shared.warmIssued.getAndIncrement() % requests.length)], false);
            }
            while (System.nanoTime() < deadline) {
                long ticket = shared.issued.getAndIncrement();
                if (ticket >= shared.max) {
                    break;
                }
                exchange(requests[(int) (ticket % requests.length)], true);
            }
            connection.close();
        }

        private void exchange(byte[] request, boolean record) {
            int now = shared.inFlight.incrementAndGet();
            if (record) {
                shared.peakInFlight.accumulateAndGet(now, Math::max);
            }
            long start = System.nanoTime();
            try {
                Http1Connection.Response r = connection.exchange(request, false);
                long end = System.nanoTime();
                if (record) {
                    if (count == latencies.length) {
                        latencies = Arrays.copyOf(latencies, count * 2);
                    }
                    latencies[count++] = end - start;
                    lastEnd = end;
                    if (r.status() != 200) {
                        non200++;
                        statuses.merge(r.status(), 1L, Long::sum);
                    }
                    event(end, r.status() == 200 ? end - start : Timeline.NON_200);
                }
            } catch (IOException | RuntimeException e) {
                if (record) {
                    errors++;
                    lastEnd = System.nanoTime();
                    event(lastEnd, Timeline.ERROR);
                    if (firstError == null) {
                        firstError = e.toString();
                    }
                }
                pause();
            } finally {
                shared.inFlight.decrementAndGet();
            }
        }

        private void event(long end, long latency) {
            if (events == eventEnds.length) {
                eventEnds = Arrays.copyOf(eventEnds, events * 2);
                eventLatencies = Arrays.copyOf(eventLatencies, events * 2);
            }
            eventEnds[events] = end;
            eventLatencies[events++] = latency;
        }

        /** After an I/O error, a breath before reconnecting, so a dead server is not spun on. */
        private static void pause() {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    static void print(Result r, PrintStream out) {
        out.println();
        out.printf("requests     %,d answered in %.2f s = %,.1f requests/s%n", r.completed(), r.seconds(), r.requestsPerSecond());
        out.printf("latency ms   p50 %.2f   p90 %.2f   p99 %.2f   p99.9 %.2f   max %.2f   (mean %.2f)%n",
                r.percentileMillis(0.50), r.percentileMillis(0.90), r.percentileMillis(0.99),
                r.percentileMillis(0.999), r.percentileMillis(1.0), r.meanMillis());
        out.printf("concurrency  %d connections, peak %d in flight, mean %.1f in flight (requests/s x mean latency)%n",
                r.connections(), r.peakInFlight(), r.requestsPerSecond() * r.meanMillis() / 1000.0);
        out.printf("connections  %d opened in all, %d requests re-sent on a fresh connection%n", r.connects(), r.retries());
        out.printf("errors       %d I/O errors, %d non-200 answers%s%n", r.errors(), r.non200(),
                r.statuses().isEmpty() ? "" : " " + r.statuses());
        for (String s : r.errorSamples()) {
            out.println("  e.g. " + s);
        }
    }

    static String human(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
