package dev.mixtape.peers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mixtape.eval.tune.OurModels;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** PeersEval's command line: defaults, the invocations of scripts/eval-peers and the docs, errors, --help. */
class PeersEvalTest {
    @Test
    void theDefaults() {
        PeersEval.Options o = PeersEval.parse();
        assertThat(o.data().getFileName()).hasToString("lastfm-hetrec2011-2k");
        assertThat(o.split()).isNull();
        assertThat(o.out()).isEqualTo(Path.of("eval-peers"));
        assertThat(o.seed()).isEqualTo(42);
        assertThat(o.cutoffs()).containsExactly(10, 20);
        assertThat(o.trials()).isEqualTo(6);
        assertThat(o.trialsFor()).isEmpty();
        assertThat(o.ours()).isEqualTo(OurModels.NAMES);
        assertThat(o.peers()).isEqualTo(PeersEval.PEERS);
        assertThat(o.sparkTarget()).isEqualTo(Path.of("mixtape-peers-spark/target"));
        assertThat(o.sparkJavaOpts()).isEqualTo("-Xmx3g");
        assertThat(o.threads()).isEqualTo(2);
        assertThat(o.timingRepeats()).isEqualTo(3);
        assertThat(o.tuneMetric()).isEqualTo("ndcg@20");
    }

    @Test
    void theScriptsSparkTargetComesFirstAndACallerMayGiveItAgain() {
        PeersEval.Options o = PeersEval.parse("--spark-target", "/repo/mixtape-peers-spark/target", "--out", "eval-peers",
                "--trials", "6");
        assertThat(o.sparkTarget()).isEqualTo(Path.of("/repo/mixtape-peers-spark/target"));
        assertThat(PeersEval.parse("--spark-target", "/repo/t", "--spark-target", "/elsewhere").sparkTarget())
                .isEqualTo(Path.of("/elsewhere"));
    }

    @Test
    void theDocumentedInvocations() {
        PeersEval.Options docs = PeersEval.parse("--out", "eval-peers", "--trials", "10", "--trials-for", "librec-wrmf=2,librec-slim=1");
        assertThat(docs.trialsFor()).isEqualTo(Map.of("librec-wrmf", 2, "librec-slim", 1));
        assertThat(docs.trials("librec-wrmf")).isEqualTo(2);
        assertThat(docs.trials("ials")).isEqualTo(10);

        PeersEval.Options defaultsOnly = PeersEval.parse("--ours", "ials", "--peers", "ranksys-hkv,spark-als", "--trials", "0");
        assertThat(defaultsOnly.ours()).containsExactly("ials");
        assertThat(defaultsOnly.peers()).containsExactly("ranksys-hkv", "spark-als");
        assertThat(defaultsOnly.trials()).isZero();

        assertThat(PeersEval.parse("--split", "eval-out/split").split()).isEqualTo(Path.of("eval-out/split"));

        PeersEval.Options it = PeersEval.parse("--data", "/d", "--out", "/o", "--trials", "1", "--ours", "pop,ials", "--peers",
                "ranksys-hkv,librec-wrmf", "--spark-target", "/s", "--spark-java-opts", "-Xmx1g", "--timing-repeats", "1");
        assertThat(it.data()).isEqualTo(Path.of("/d"));
        assertThat(it.ours()).containsExactly("pop", "ials");
        assertThat(it.sparkJavaOpts()).isEqualTo("-Xmx1g");
        assertThat(it.timingRepeats()).isEqualTo(1);
    }

    @Test
    void listsNoneAllAndNegativeNumbers() {
        assertThat(PeersEval.parse("--ours", "none", "--peers", "none").ours()).isEmpty();
        assertThat(PeersEval.parse("--ours", "none", "--peers", "none").peers()).isEmpty();
        assertThat(PeersEval.parse("--ours", "").ours()).isEmpty();
        assertThat(PeersEval.parse("--peers", "all").peers()).isEqualTo(PeersEval.PEERS);
        assertThat(PeersEval.parse("--k", "5, 50", "--seed", "-7", "--threads", "0").cutoffs()).containsExactly(5, 50);
        assertThat(PeersEval.parse("--seed", "-7").seed()).isEqualTo(-7);
        assertThat(PeersEval.parse("--k=20", "--spark-java-opts=-Xmx2g -XX:+UseG1GC").sparkJavaOpts()).isEqualTo("-Xmx2g -XX:+UseG1GC");
    }

    @Test
    void badOptionsAreNamed() {
        assertBad(List.of("--trails", "6"), "--trails");
        assertBad(List.of("--out"), "--out");
        assertBad(List.of("--trials", "six"), "--trials");
        assertBad(List.of("--trials", "-1"), "--trials must be 0 or more");
        assertBad(List.of("--seed", "x"), "--seed");
        assertBad(List.of("--k", "10,x"), "--k");
        assertBad(List.of("--k", "0"), "--k values must be 1 or more");
        assertBad(List.of("--ours", "als"), "unknown model 'als' for --ours");
        assertBad(List.of("--peers", "librec-als"), "unknown peer 'librec-als' for --peers");
        assertBad(List.of("--trials-for", "librec-wrmf"), "--trials-for");
        assertBad(List.of("--trials-for", "librec-wrmf=two"), "--trials-for");
        assertBad(List.of("--trials-for", "wrmf=2"), "unknown model 'wrmf' for --trials-for");
        assertBad(List.of("--threads", "-1"), "--threads must be 0 or more");
        assertBad(List.of("extra"), "extra");
    }

    private static void assertBad(List<String> args, String message) {
        assertThatThrownBy(() -> PeersEval.parse(args.toArray(String[]::new))).as("%s", args)
                .isInstanceOf(CommandLine.ParameterException.class).hasMessageContaining(message);
        StringWriter err = new StringWriter();
        CommandLine cli = PeersEval.commandLine();
        cli.setErr(new PrintWriter(err));
        assertThat(cli.execute(args.toArray(String[]::new))).as("%s", args).isEqualTo(2);
        assertThat(err.toString()).contains(message); // and the usage, or the nearest option names for a misspelt one
    }

    @Test
    void helpListsEveryOptionWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cli = PeersEval.commandLine();
        cli.setOut(new PrintWriter(out));
        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Usage: eval-peers", "--data=DIR", "--split=DIR", "--out=DIR", "--seed=N", "--k=K",
                "--trials=N", "--trials-for=NAME=N", "--ours=NAME", "--peers=all", "--spark-target=DIR", "--spark-java-opts=OPTS",
                "--threads=N", "--timing-repeats=N", "(default: eval-peers)", "(default: 10,20)", "(default: -Xmx3g)",
                "(default: all of " + String.join(",", OurModels.NAMES) + ")");
        assertThat(out.toString().replaceAll("\\s+", "")).contains("(default:allof" + String.join(",", PeersEval.PEERS) + ")");
    }
}
