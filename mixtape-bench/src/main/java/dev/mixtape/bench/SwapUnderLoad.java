package dev.mixtape.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code mixtape bench swap}: does a listening-model swap under load cost requests or latency? Runs {@link HttpLoad}'s
 * closed loop of {@code /v1/recommendations} requests against a running server (whose {@code /v1} answers draw from
 * the listening model's co-listened artists), and {@code --train-at} into the measured phase asks it to retrain
 * ({@code POST /api/v1/models/train}), following the job until the new model serves. Then reports, second by second,
 * requests, failures and p50/p99/max latency, and three phases: before training, while training (the trainer shares the
 * cores with the load), and the two seconds around the swap, against the target "no request lost, p99 at the swap at
 * most the baseline p99 + 10 ms".
 */
final class SwapUnderLoad {
    static final ObjectMapper JSON = new ObjectMapper();
    /** The allowance for the swap, over the baseline p99. */
    static final double SPIKE_ALLOWANCE_MS = 10;

    record Outcome(double baselineP99, double trainingP99, double swapP99, long failed, String before, String after, double trainSeconds) {}

    private SwapUnderLoad() {}

    static int run(HttpLoad.Options o, Duration trainAt, PrintStream out) throws Exception {
        if (trainAt.compareTo(o.duration()) >= 0) {
            throw new HttpLoad.SetupException("--train-at (" + HttpLoad.human(trainAt) + ") must fall inside --duration ("
                    + HttpLoad.human(o.duration()) + ")");
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        String base = o.url().replaceAll("/+$", "");
        String before = servingModel(http, base, o.token());
        if (before == null) {
            throw new HttpLoad.SetupException("the server at " + o.url() + " serves no listening model, so there is nothing to swap: "
                    + "import Last.fm (./mixtape import lastfm) or post events, then ./mixtape train");
        }
        long[] marks = new long[2]; // training asked, new model serving (System.nanoTime)
        String[] failure = new String[1];
        HttpLoad.Result r = HttpLoad.measure(o, out, start -> {
            try {
                Thread.sleep(trainAt.toMillis());
                marks[0] = System.nanoTime();
                HttpResponse<String> asked = http.send(request(base + "/api/v1/models/train", o.token())
                        .POST(HttpRequest.BodyPublishers.ofString("{\"reason\":\"bench swap\"}")).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                if (asked.statusCode() != 202) {
                    failure[0] = "POST /api/v1/models/train answered " + asked.statusCode() + ": " + asked.body();
                    return;
                }
                String href = JSON.readTree(asked.body()).path("href").asText();
                while (true) {
                    Thread.sleep(20);
                    JsonNode job = JSON.readTree(http.send(request(base + href, o.token()).GET().build(), HttpResponse.BodyHandlers.ofString()).body());
                    String state = job.path("state").asText();
                    if (state.equals("succeeded")) {
                        marks[1] = System.nanoTime();
                        return;
                    }
                    if (state.equals("failed")) {
                        failure[0] = "training failed: " + job.path("error").asText();
                        return;
                    }
                }
            } catch (Exception e) {
                failure[0] = e.toString();
            }
        });
        if (failure[0] != null) {
            throw new HttpLoad.SetupException(failure[0]);
        }
        if (marks[1] == 0) {
            throw new HttpLoad.SetupException("the training did not finish within --duration; give it longer (-d) or train earlier (--train-at)");
        }
        String after = servingModel(http, base, o.token());
        HttpLoad.print(r, out);
        Outcome oc = report(r.timeline(), marks[0], marks[1], before, after, out);
        boolean ok = oc.failed() == 0 && oc.swapP99() <= oc.baselineP99() + SPIKE_ALLOWANCE_MS && !before.equals(after);
        out.printf("%ntarget: no request lost and p99 in the 2 s around the swap <= baseline p99 + %.0f ms: %s%n", SPIKE_ALLOWANCE_MS,
                ok ? "met" : "NOT met");
        return ok ? 0 : 1;
    }

    static HttpRequest.Builder request(String url, String token) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(10));
        return token == null || token.isBlank() ? b : b.header("Authorization", "Bearer " + token.strip());
    }

    /** The version of the listening model the server serves, or null. */
    static String servingModel(HttpClient http, String base, String token) throws Exception {
        HttpResponse<String> r = http.send(request(base + "/api/v1/models", token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new HttpLoad.SetupException("GET /api/v1/models answered " + r.statusCode() + ": " + r.body());
        }
        JsonNode serving = JSON.readTree(r.body()).path("serving");
        String v = serving.isTextual() ? serving.asText() : serving.path("version").asText(null);
        return v == null || v.isBlank() || v.equals("null") ? null : v;
    }

    /** The per-second table and the three phases; times are {@link System#nanoTime} readings. */
    static Outcome report(HttpLoad.Timeline t, long trainAsked, long swapped, String before, String after, PrintStream out) {
        long start = t.measureStartNanos();
        long asked = trainAsked - start;
        long swap = swapped - start;
        long end = 0;
        for (long e : t.endNanos()) {
            end = Math.max(end, e);
        }
        int seconds = (int) (end / 1_000_000_000L) + 1;
        out.printf("%n%6s %8s %7s %9s %9s %9s  %s%n", "second", "answers", "failed", "p50 ms", "p99 ms", "max ms", "");
        for (int s = 0; s < seconds; s++) {
            Window w = window(t, s * 1_000_000_000L, (s + 1) * 1_000_000_000L);
            String mark = "";
            if (asked >= s * 1_000_000_000L && asked < (s + 1) * 1_000_000_000L) {
                mark += " <- training asked";
            }
            if (swap >= s * 1_000_000_000L && swap < (s + 1) * 1_000_000_000L) {
                mark += " <- new model serving";
            }
            out.printf("%6d %8d %7d %9.2f %9.2f %9.2f %s%n", s, w.answered(), w.failed(), w.latencies().millis(0.5), w.latencies().millis(0.99),
                    w.latencies().maxMillis(), mark);
        }
        Window base = window(t, 0, asked);
        Window training = window(t, asked, swap);
        Window around = window(t, swap - 1_000_000_000L, swap + 1_000_000_000L);
        Window all = window(t, 0, Long.MAX_VALUE);
        out.printf("%nmodel %s -> %s, trained in %.1f s under load%n", before, after, (swapped - trainAsked) / 1e9);
        out.printf("%-28s %8s %7s %9s %9s %9s%n", "phase", "answers", "failed", "p50 ms", "p99 ms", "max ms");
        for (Object[] row : new Object[][] {{"before training", base}, {"while training", training}, {"2 s around the swap", around},
            {"whole run", all}}) {
            Window w = (Window) row[1];
            out.printf("%-28s %8d %7d %9.2f %9.2f %9.2f%n", row[0], w.answered(), w.failed(), w.latencies().millis(0.5),
                    w.latencies().millis(0.99), w.latencies().maxMillis());
        }
        return new Outcome(base.latencies().millis(0.99), training.latencies().millis(0.99), around.latencies().millis(0.99), all.failed(),
                before, after, (swapped - trainAsked) / 1e9);
    }

    record Window(long answered, long failed, Latencies latencies) {}

    static Window window(HttpLoad.Timeline t, long from, long to) {
        List<Long> ok = new ArrayList<>();
        long failed = 0;
        for (int i = 0; i < t.endNanos().length; i++) {
            long e = t.endNanos()[i];
            if (e < from || e >= to) {
                continue;
            }
            long l = t.latencyNanos()[i];
            if (l < 0) {
                failed++;
            } else {
                ok.add(l);
            }
        }
        return new Window(ok.size(), failed, Latencies.of(ok));
    }
}
