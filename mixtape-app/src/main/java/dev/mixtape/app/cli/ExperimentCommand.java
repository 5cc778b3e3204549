package dev.mixtape.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mixtape.app.config.MixtapeConfig;
import dev.mixtape.app.server.ExperimentService;
import dev.mixtape.core.experiment.Experiment;
import dev.mixtape.storage.jdbc.Database;
import dev.mixtape.storage.jdbc.JdbcExperimentStore;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "experiment", mixinStandardHelpOptions = true,
        description = "A/B experiments over recommendation strategies (docs/STRATEGIES.md#ab-experiments).",
        subcommands = {ExperimentCommand.Create.class, ExperimentCommand.Show.class, ExperimentCommand.ListAll.class})
final class ExperimentCommand implements Runnable {
    static final ObjectMapper JSON = new ObjectMapper();
    /** Strategy names a variant may use (the registry's, without needing a catalog). */
    static final List<String> STRATEGIES = List.of("content", "collaborative", "popularity", "contextual", "exploration",
            "personality", "tempo", "hybrid", "auto");

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static ExperimentService service(Database db) {
        JdbcExperimentStore store = new JdbcExperimentStore(db.dataSource());
        return new ExperimentService(() -> store, () -> STRATEGIES, Clock.systemUTC());
    }

    @Command(name = "create", mixinStandardHelpOptions = true,
            description = {"Create an experiment. The first variant is the control.",
                "Example: mixtape experiment create home-v2 --variant control=content:0.5 --variant blend=hybrid:0.5"})
    static final class Create implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME", description = "Experiment name (A-Z a-z 0-9 . _ -).")
        String name;

        @Option(names = "--variant", required = true, paramLabel = "NAME=STRATEGY:WEIGHT",
                description = "A variant (repeat, at least 2; weights sum to 1).")
        List<String> variants;

        @Option(names = "--starts-at", paramLabel = "ISO-8601", description = "When assignment starts (default: now).")
        String startsAt;

        @Option(names = "--ends-at", paramLabel = "ISO-8601", description = "When assignment stops (default: never).")
        String endsAt;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            ObjectNode body = JSON.createObjectNode().put("name", name);
            ArrayNode vs = body.putArray("variants");
            for (String v : variants) {
                int eq = v.indexOf('=');
                int colon = v.lastIndexOf(':');
                if (eq <= 0 || colon < eq) {
                    System.err.println("mixtape: --variant must look like NAME=STRATEGY:WEIGHT, got '" + v + "'");
                    return 2;
                }
                double w;
                try {
                    w = Double.parseDouble(v.substring(colon + 1));
                } catch (NumberFormatException e) {
                    System.err.println("mixtape: the weight of --variant '" + v + "' is not a number");
                    return 2;
                }
                vs.addObject().put("name", v.substring(0, eq)).put("strategy", v.substring(eq + 1, colon)).put("weight", w);
            }
            if (startsAt != null) {
                body.put("starts_at", startsAt);
            }
            if (endsAt != null) {
                body.put("ends_at", endsAt);
            }
            MixtapeConfig cfg = options.load(Map.of());
            try (Database db = Catalogs.open(cfg)) {
                Experiment e = service(db).create(body);
                System.out.println("created experiment " + e.name() + " with " + e.variants().size() + " variants");
                return 0;
            }
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "Per-variant impressions, save and like rates, intervals and p-values (JSON).")
    static final class Show implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "NAME")
        String name;

        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Database db = Catalogs.open(options.load(Map.of()))) {
                System.out.println(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(service(db).report(name)));
                return 0;
            }
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Every experiment.")
    static final class ListAll implements Callable<Integer> {
        @Mixin
        ConfigOptions options;

        @Override
        public Integer call() throws Exception {
            try (Database db = Catalogs.open(options.load(Map.of()))) {
                for (Experiment e : service(db).list()) {
                    System.out.println(e.name() + "  " + e.variants().stream().map(v -> v.name() + "=" + v.strategy() + ":" + v.weight())
                            .toList() + (e.endsAt() == null ? "" : "  until " + e.endsAt()));
                }
                return 0;
            }
        }
    }
}
