package dev.mixtape.eval.report;

import java.util.List;
import java.util.Locale;

/**
 * Inline SVG charts for the HTML report, with no script: horizontal bars (one per model) and line
 * charts (one line per model over the cutoffs). Values that are NaN are drawn as missing.
 *
 * <p>Stateless and thread-safe.
 */
final class SvgCharts {
    static final String[] PALETTE = {"#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f",
        "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"};

    private SvgCharts() {}

    static String color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    /** A horizontal bar per label, lengths relative to the largest value, each labelled with its value. */
    static String bars(String title, List<String> labels, double[] values) {
        int rowH = 22;
        int labelW = 130;
        int barW = 220;
        int w = labelW + barW + 70;
        int h = 28 + rowH * labels.size() + 6;
        double max = 0;
        for (double v : values) {
            if (Double.isFinite(v)) {
                max = Math.max(max, v);
            }
        }
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", w, h, w, h, Html.escape(title)));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" class=\"t\">%s</text>", Html.escape(title)));
        for (int i = 0; i < labels.size(); i++) {
            int y = 28 + i * rowH;
            double v = values[i];
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelW - 6, y + 14,
                    Html.escape(labels.get(i))));
            if (Double.isFinite(v)) {
                double len = max > 0 ? Math.max(0, v) / max * barW : 0;
                sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>", labelW, y + 2,
                        len, rowH - 6, color(i)));
                sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%s</text>", labelW + len + 4, y + 14, format(v)));
            } else {
                sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">n/a</text>", labelW + 4, y + 14));
            }
        }
        return sb.append("</svg>").toString();
    }

    /** One polyline with dots per series over the x positions {@code xs} (the cutoffs). */
    static String lines(String title, List<Integer> xs, List<String> series, double[][] values) {
        int w = 460;
        int h = 280;
        int left = 50;
        int right = 130;
        int top = 28;
        int bottom = 36;
        int pw = w - left - right;
        int ph = h - top - bottom;
        double max = 0;
        for (double[] row : values) {
            for (double v : row) {
                if (Double.isFinite(v)) {
                    max = Math.max(max, v);
                }
            }
        }
        max = max <= 0 ? 1 : niceCeiling(max);
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "<svg class=\"chart lines\" xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">", w, h, w, h, Html.escape(title)));
        sb.append("<title>").append(Html.escape(title)).append("</title>");
        sb.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"16\" class=\"t\">%s</text>", Html.escape(title)));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, top + ph, left + pw, top + ph));
        sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>", left, top, left, top + ph));
        for (int t = 0; t <= 4; t++) {
            double v = max * t / 4;
            double y = top + ph - ph * t / 4.0;
            sb.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#eee\"/>", left, y, left + pw, y));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%s</text>", left - 4, y + 4, tick(v)));
        }
        for (int j = 0; j < xs.size(); j++) {
            sb.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>", x(j, xs.size(), left, pw),
                    top + ph + 16, xs.get(j)));
        }
        sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">k</text>", left + pw / 2, h - 4));
        for (int s = 0; s < series.size(); s++) {
            StringBuilder pts = new StringBuilder();
            for (int j = 0; j < xs.size(); j++) {
                double v = values[s][j];
                if (!Double.isFinite(v)) {
                    continue;
                }
                double px = x(j, xs.size(), left, pw);
                double py = top + ph - v / max * ph;
                pts.append(String.format(Locale.ROOT, "%.1f,%.1f ", px, py));
                sb.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"%s\"><title>%s %s</title></circle>",
                        px, py, color(s), Html.escape(series.get(s)), format(v)));
            }
            if (pts.length() > 0) {
                sb.append(String.format(Locale.ROOT, "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\" points=\"%s\"/>", color(s),
                        pts.toString().strip()));
            }
            int ly = top + 6 + s * 18;
            sb.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>", left + pw + 12, ly, color(s)));
            sb.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%s</text>", left + pw + 28, ly + 11, Html.escape(series.get(s))));
        }
        return sb.append("</svg>").toString();
    }

    private static double x(int j, int n, int left, int pw) {
        return n == 1 ? left + pw / 2.0 : left + 10 + (pw - 20) * j / (double) (n - 1);
    }

    static double niceCeiling(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    /** An axis label: up to four decimals, trailing zeros dropped. */
    static String tick(double v) {
        String s = String.format(Locale.ROOT, "%.4f", v);
        s = s.replaceAll("0+$", "");
        return s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
    }

    static String format(double v) {
        return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.0f" : "%.4f", v);
    }
}
