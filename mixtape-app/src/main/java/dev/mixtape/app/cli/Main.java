package dev.mixtape.app.cli;

import dev.mixtape.app.config.ConfigException;
import dev.mixtape.app.config.ConfigLoader;
import java.util.Map;
import picocli.CommandLine;

/** Entry point of the {@code mixtape} command. */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        try {
            configureLogging(ConfigLoader.fromSystem(Map.of()));
        } catch (ConfigException e) {
            System.err.println("mixtape: " + e.getMessage());
            return 2;
        }
        CommandLine cli = new CommandLine(new MixtapeCommand());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ConfigException || e instanceof dev.mixtape.core.MixtapeException
                    || e instanceof java.io.IOException || e instanceof UnsupportedOperationException
                    || e instanceof dev.mixtape.connectors.http.Resilience.HttpStatusException
                    || e instanceof dev.mixtape.connectors.http.Resilience.TransportException
                    || e instanceof dev.mixtape.connectors.http.MalformedAnswerException
                    || e instanceof dev.mixtape.connectors.http.Lookup.PartialFailure
                    || e instanceof io.github.resilience4j.circuitbreaker.CallNotPermittedException) {
                cmd.getErr().println("mixtape: " + e.getMessage());
                return 1;
            }
            throw e;
        });
        return cli.execute(args);
    }

    /** Picks text or JSON logs and the level before the first logger exists. */
    static void configureLogging(ConfigLoader config) {
        String format = config.value("log.format");
        if (!format.equals("text") && !format.equals("json")) {
            throw new ConfigException("log.format must be 'text' or 'json', got '" + format + "'");
        }
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "json".equals(format) ? "logback-json.xml" : "logback-text.xml");
        }
        System.setProperty("mixtape.log.level", config.value("log.level"));
    }
}
