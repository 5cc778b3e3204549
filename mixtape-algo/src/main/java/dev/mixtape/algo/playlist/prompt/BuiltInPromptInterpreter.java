package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.core.Attribute;
import dev.mixtape.core.Catalog;
import dev.mixtape.core.mood.Arc;
import dev.mixtape.core.mood.MoodTarget;
import dev.mixtape.core.mood.PromptAnalysis;
import dev.mixtape.core.mood.PromptInterpreter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The built-in mood model: reads a prompt with a fixed vocabulary (moods calibrated on the mood
 * datasets, see {@link MoodConstants}; contexts, genre aliases, modifiers, negations, lengths, arcs;
 * docs/PROMPTS.md lists them) and the catalog's own genres, artists and tracks
 * ({@link CatalogLexicon}), then combines what it found into a {@link MoodTarget}
 * ({@link TargetBuilder}). Every recognised phrase is reported with its effect, leftovers as not
 * understood, contradictions as relaxed. No I/O at request time: the first prompt against a catalog
 * builds its name index (0.2–0.9 s for the 89,740-track catalog; call {@link #prepare} at start-up to take that
 * off the first request), later prompts take microseconds.
 *
 * <p>Thread-safe: stateless apart from the shared, immutable per-catalog lexicon.
 */
public final class BuiltInPromptInterpreter implements PromptInterpreter {
    public static final String NAME = "built-in";

    /** Builds the name index of {@code catalog} now rather than on its first prompt. */
    public void prepare(Catalog catalog) {
        CatalogLexicon.of(catalog);
    }

    @Override
    public PromptAnalysis interpret(String prompt, Catalog catalog, Integer lengthOverride, Arc arcOverride) {
        PromptValidation.check(prompt, lengthOverride);
        Objects.requireNonNull(catalog, "catalog");
        Reading r = new Reading(prompt, CatalogLexicon.of(catalog));
        new PromptReader(r).read();
        resolveExclusions(r);
        TargetBuilder.Built built = r.target.build(r.relaxed);
        Map<Attribute, Double> targets = new EnumMap<>(Attribute.class);
        Map<Attribute, MoodTarget.Range> ranges = new EnumMap<>(Attribute.class);
        for (int f = 0; f < MoodFeatures.COUNT; f++) {
            Attribute a = MoodFeatures.attribute(f);
            targets.put(a, round(f, built.target()[f]));
            ranges.put(a, new MoodTarget.Range(round(f, built.min()[f]), round(f, built.max()[f])));
        }
        int length = length(r, lengthOverride);
        Arc arc = arc(r, arcOverride);
        MoodTarget target = new MoodTarget(targets, ranges, r.genres, r.excludedGenres, new ArrayList<>(r.artists),
                r.excludedArtists, new ArrayList<>(r.tracks), r.allowExplicit == null || r.allowExplicit, length, arc);
        return new PromptAnalysis(prompt, target, NAME, r.recognised, r.notUnderstood, r.unknown, r.relaxed, !r.musical);
    }

    private static void resolveExclusions(Reading r) {
        for (String g : r.excludedGenres) {
            if (r.genres.remove(g)) {
                r.relaxed.add("genre " + g + " is both asked for and excluded; kept the exclusion");
            }
        }
        for (String a : r.excludedArtists) {
            if (r.artists.remove(a)) {
                r.relaxed.add("artist " + a + " is both mentioned and excluded; kept the exclusion");
            }
        }
        if (r.explicitAskedFor && Boolean.FALSE.equals(r.allowExplicit)) {
            r.relaxed.add("explicit tracks are both allowed and ruled out; kept them out");
        }
    }

    private static int length(Reading r, Integer override) {
        if (override == null) {
            return r.length != null ? r.length : MoodTarget.DEFAULT_LENGTH;
        }
        if (r.length != null && !r.length.equals(override)) {
            r.relaxed.add("length: the request's length " + override + " overrides '" + r.lengthPhrase + "' (" + r.length + ")");
        }
        return override;
    }

    private static Arc arc(Reading r, Arc override) {
        if (override == null) {
            return r.arc != null ? r.arc : Arc.PEAK;
        }
        if (r.arc != null && r.arc != override) {
            r.relaxed.add("arc: the request's arc " + override.name().toLowerCase(Locale.ROOT) + " overrides '"
                    + r.arcPhrase + "' (" + r.arc.name().toLowerCase(Locale.ROOT) + ")");
        }
        return override;
    }

    /** Three decimals; tempo one, loudness two. Monotone, so min ≤ target ≤ max survives rounding. */
    static double round(int f, double v) {
        double scale = f == MoodFeatures.TEMPO ? 10 : f == MoodFeatures.LOUDNESS ? 100 : 1000;
        return Math.round(v * scale) / scale;
    }

    /** The analysis as a short multi-line text, for logs and the CLI. */
    public static String describe(PromptAnalysis a) {
        StringBuilder sb = new StringBuilder();
        for (PromptAnalysis.Phrase p : a.recognised()) {
            sb.append("  ").append(p.text()).append(" [").append(p.kind()).append("] → ").append(p.effect()).append('\n');
        }
        List<String> extra = new ArrayList<>();
        if (!a.notUnderstood().isEmpty()) {
            extra.add("not understood: " + String.join(", ", a.notUnderstood()));
        }
        if (!a.unknown().isEmpty()) {
            extra.add("not in the catalog: " + String.join(", ", a.unknown()));
        }
        for (String s : a.relaxed()) {
            extra.add("relaxed: " + s);
        }
        if (a.meaningless()) {
            extra.add("nothing musical recognised: default target");
        }
        for (String s : extra) {
            sb.append("  ").append(s).append('\n');
        }
        return sb.toString();
    }
}
