package dev.mixtape.algo.playlist.prompt;

import dev.mixtape.algo.playlist.prompt.Vocabulary.Entry;
import dev.mixtape.algo.playlist.prompt.Vocabulary.Kind;
import dev.mixtape.algo.playlist.prompt.Vocabulary.Match;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a prompt left to right. At each word it tries, in order: a quoted name, a length, an exact
 * tempo ("120 bpm"), a multi-word artist name, then the longest vocabulary phrase or catalog genre
 * (the longer wins; a tie goes to the vocabulary, so "sad" is a mood even in a catalog with a "sad"
 * genre), then a one-word artist name. Modifiers scale the next effect, negations exclude what
 * follows ({@link ExclusionReader}), triggers read names ({@link NameReader}). Words left
 * over are grouped into {@link Reading#notUnderstood}. One per prompt; not thread-safe.
 */
final class PromptReader {
    private static final Pattern BPM = Pattern.compile("(\\d+(?:\\.\\d+)?)bpm");
    private static final double NOT_TOO_FACTOR = -0.25;
    private static final double NOT_TOO_BOUND = 0.5;

    private final Reading r;
    private final NameReader names;
    private final ExclusionReader exclusions;
    private int leftoverFrom = -1;
    private int leftoverTo = -1;

    PromptReader(Reading r) {
        this.r = r;
        this.names = new NameReader(r);
        this.exclusions = new ExclusionReader(r, names);
    }

    void read() {
        int i = 0;
        while (i < r.size()) {
            int j = step(i);
            if (j <= i) {
                if (leftoverFrom >= 0 && r.token(i).breakBefore()) {
                    flush();
                }
                leftoverFrom = leftoverFrom < 0 ? i : leftoverFrom;
                leftoverTo = i + 1;
                i++;
            } else {
                flush();
                i = j;
            }
        }
        flush();
    }

    private void flush() {
        if (leftoverFrom >= 0) {
            r.notUnderstood.add(r.text(leftoverFrom, leftoverTo));
            leftoverFrom = -1;
        }
    }

    /** "90s", "1990s", "'90s", "nineties": decades, which the catalog cannot serve (it has no release dates). */
    static final java.util.regex.Pattern DECADE = java.util.regex.Pattern.compile(
            "'?(19|20)?[0-9]0s|sixties|seventies|eighties|nineties|noughties|fifties|forties");

    private int step(int i) {
        PromptText.Token tk = r.token(i);
        if (tk.quote() >= 0 && (i == 0 || r.token(i - 1).quote() != tk.quote())) {
            return names.name(i, false, false, true);
        }
        LengthParser.Length len = LengthParser.parse(r.tokens, i, r.lexicon.averageDurationMs());
        if (len != null) {
            length(i, len);
            return len.end();
        }
        int bpm = bpm(i);
        if (bpm > i) {
            return bpm;
        }
        if (DECADE.matcher(tk.word()).matches()) {
            // named, not dropped: the user learns why the playlist is not from that decade
            r.recognise(r.text(i, i + 1), "decade", "the catalog has no release dates, so the decade is not applied", false);
            return i + 1;
        }
        Match m = Vocabulary.longest(r.tokens, i);
        int vocabEnd = m == null ? i : m.end();
        int[] genre = r.catalogGenre(i);
        int artistEnd = names.bareArtist(i, 2);
        if (artistEnd > i) {
            return artistEnd;
        }
        if (genre != null && genre[0] > vocabEnd) {
            r.genres.add(r.lexicon.catalog().genreName(genre[1]));
            r.recognise(r.text(i, genre[0]), "genre", "genre " + r.lexicon.catalog().genreName(genre[1]), true);
            return genre[0];
        }
        if (m != null) {
            return apply(i, m);
        }
        return names.bareArtist(i, 1);
    }

    private int apply(int i, Match m) {
        Entry e = m.entry();
        int end = m.end();
        switch (e.kind()) {
            case FILLER -> {
                return end;
            }
            case EFFECT -> effect(i, end, e.category(), e.effect(), "");
            case GENRE -> genreAlias(i, end, e, 1);
            case EXPLICIT -> {
                r.explicitAskedFor = true;
                r.recognise(r.text(i, end), "explicit", "explicit tracks allowed", true);
            }
            case CLEAN -> r.noExplicit(i, end);
            case ARC -> {
                if (r.arc != null && r.arc != e.arc()) {
                    r.relaxed.add("arc: '" + r.text(i, end) + "' replaces the earlier '" + r.arcPhrase + "'");
                }
                r.arc = e.arc();
                r.arcPhrase = r.text(i, end);
                r.recognise(r.arcPhrase, "arc", "arc " + e.arc().name().toLowerCase(Locale.ROOT), false);
            }
            case MODIFIER -> {
                return modified(i, end, e.factor());
            }
            case LIMIT -> {
                return limited(i, end);
            }
            case NEGATION -> {
                return exclusions.negation(i, end);
            }
            case MENTION -> {
                int k = names.names(end, e.factor() == 1, false);
                return Math.max(k, end);
            }
        }
        return end;
    }

    private void effect(int i, int end, String category, Effect effect, String note) {
        String text = r.text(i, end);
        r.target.add(text, effect);
        r.recognise(text, category, effect.describe() + note, true);
    }

    private int modified(int i, int p, double factor) {
        Match m = r.continues(p) ? Vocabulary.longest(r.tokens, p) : null;
        if (m == null) {
            return p;
        }
        Entry e = m.entry();
        if (e.kind() == Kind.MODIFIER) {
            return modified(i, m.end(), factor * e.factor());
        }
        if (e.kind() == Kind.GENRE && e.effect() != null) {
            genreAlias(i, m.end(), e, factor);
            return m.end();
        }
        if (e.kind() == Kind.EFFECT) {
            effect(i, m.end(), e.category(), e.effect().scaled(factor), intensity(factor));
            return m.end();
        }
        return p;
    }

    private int limited(int i, int p) {
        Match m = r.continues(p) ? Vocabulary.longest(r.tokens, p) : null;
        if (m != null && m.entry().kind() == Kind.EFFECT) {
            effect(i, m.end(), "limit", m.entry().effect().softOpposite(NOT_TOO_FACTOR, NOT_TOO_BOUND), "");
            return m.end();
        }
        if (m != null && m.entry().kind() == Kind.EXPLICIT) {
            r.noExplicit(i, m.end());
            return m.end();
        }
        return i;
    }

    private static String intensity(double factor) {
        return " (intensity ×" + java.math.BigDecimal.valueOf(Math.round(factor * 100) / 100.0).stripTrailingZeros()
                .toPlainString() + ")";
    }

    private void genreAlias(int i, int end, Entry e, double factor) {
        List<String> found = new ArrayList<>();
        for (String name : e.genres()) {
            int g = r.lexicon.genre(PromptText.key(name));
            if (g >= 0 && !found.contains(r.lexicon.catalog().genreName(g))) {
                found.add(r.lexicon.catalog().genreName(g));
            }
        }
        r.genres.addAll(found);
        String what = found.isEmpty() ? "no such genre in this catalog" : "genre " + String.join(", ", found);
        if (e.effect() != null) {
            Effect effect = e.effect().scaled(factor);
            r.target.add(r.text(i, end), effect);
            what += "; " + effect.describe() + (factor == 1 ? "" : intensity(factor));
        }
        r.recognise(r.text(i, end), "genre", what, true);
    }

    private void length(int i, LengthParser.Length len) {
        String text = r.text(i, len.end());
        if (r.length != null) {
            r.relaxed.add("length: '" + text + "' replaces the earlier '" + r.lengthPhrase + "'");
        }
        int n = len.tracks();
        String how = Double.isNaN(len.minutes()) ? "" : String.format(Locale.ROOT, " (%.0f min at %.1f min per track)",
                len.minutes(), r.lexicon.averageDurationMs() / 60_000);
        int clamped = Math.max(dev.mixtape.core.mood.MoodTarget.MIN_LENGTH, Math.min(dev.mixtape.core.mood.MoodTarget.MAX_LENGTH, n));
        if (clamped != n) {
            r.relaxed.add("length: '" + text + "' means " + n + " tracks, outside 5–200; using " + clamped);
        }
        r.length = clamped;
        r.lengthPhrase = text;
        r.recognise(text, "length", "length " + clamped + how, false);
    }

    private int bpm(int i) {
        Matcher m = BPM.matcher(r.word(i));
        double v;
        int end;
        if (m.matches()) {
            v = Double.parseDouble(m.group(1));
            end = i + 1;
        } else if (r.token(i).isNumber() && r.continues(i + 1) && r.word(i + 1).equals("bpm")) {
            try {
                v = Double.parseDouble(r.word(i));
            } catch (NumberFormatException e) {
                return i;
            }
            end = i + 2;
        } else {
            return i;
        }
        String text = r.text(i, end);
        r.target.pinTempo(text, v);
        r.recognise(text, "tempo", "tempo " + MoodFeatures.formatValue(MoodFeatures.TEMPO,
                MoodFeatures.clamp(MoodFeatures.TEMPO, v)) + " (exact, range ±8 BPM)", true);
        return end;
    }
}
