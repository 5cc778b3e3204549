package dev.mixtape.app.cli;

import picocli.CommandLine.Command;

@Command(name = "mixtape", mixinStandardHelpOptions = true, version = "mixtape 0.1.0",
        description = "Self-hosted music recommendation engine with Spotify-compatible endpoints.",
        subcommands = {ServeCommand.class, ImportCommand.class, RecommendCommand.class, PlaylistCommand.class, EvalCommand.class,
            ExperimentCommand.class, TrainCommand.class, BackupCommand.class, RestoreCommand.class, DistCommand.class},
        footer = {"", "Configuration: command-line options, then MIXTAPE_* environment variables, then "
                + "$MIXTAPE_HOME/mixtape.properties (or MIXTAPE_CONFIG). See docs/CONFIGURATION.md."})
final class MixtapeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
