package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.in.LearnerOverview.RecallCurve;
import java.util.List;
import java.util.Locale;

/**
 * A small inline SVG of the review words' predicted recall over the coming days: one line per word,
 * 0 to 100 % upwards, today on the left; a legend names the words (escaped). A word the learner has
 * not recalled yet has no forecast: the legend says so and no line is drawn for it.
 */
final class RecallChart {

    private static final String[] COLOURS = {"#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b"};
    private static final int WIDTH = 600;
    private static final int HEIGHT = 180;
    private static final int LEFT = 40;
    private static final int BOTTOM = 20;

    private RecallChart() {
    }

    static String svg(List<RecallCurve> reviewWords) {
        List<RecallCurve> curves = reviewWords.stream().filter(RecallCurve::forecast).toList();
        List<RecallCurve> unrecalled = reviewWords.stream().filter(c -> !c.forecast()).toList();
        if (curves.isEmpty()) {
            return reviewWords.isEmpty() ? "<p class=\"muted\">No review words to forecast.</p>"
                    : notRecalledYet(unrecalled);
        }
        int days = curves.stream().mapToInt(c -> c.byDay().size()).max().orElse(1);
        double plotW = WIDTH - LEFT - 10;
        double plotH = HEIGHT - BOTTOM - 10;
        StringBuilder svg = new StringBuilder();
        svg.append("<svg class=\"recall-chart\" role=\"img\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(HEIGHT)
                .append("\" width=\"").append(WIDTH).append("\" height=\"").append(HEIGHT).append("\">")
                .append("<title>Predicted recall of the review words over the next ").append(days)
                .append(" days</title>");
        for (int pct = 0; pct <= 100; pct += 50) {
            double y = 10 + plotH * (1 - pct / 100.0);
            svg.append(String.format(Locale.ROOT,
                    "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#ddd\"/>"
                            + "<text x=\"2\" y=\"%.1f\" font-size=\"10\">%d%%</text>",
                    LEFT, y, WIDTH - 10, y, y + 3, pct));
        }
        svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" font-size=\"10\">today</text>"
                + "<text x=\"%d\" y=\"%d\" font-size=\"10\" text-anchor=\"end\">+%d days</text>",
                LEFT, HEIGHT - 4, WIDTH - 10, HEIGHT - 4, days - 1));
        for (int i = 0; i < curves.size(); i++) {
            RecallCurve curve = curves.get(i);
            String colour = COLOURS[i % COLOURS.length];
            StringBuilder points = new StringBuilder();
            for (int d = 0; d < curve.byDay().size(); d++) {
                double x = LEFT + (days <= 1 ? 0 : plotW * d / (days - 1));
                double y = 10 + plotH * (1 - Math.max(0, Math.min(1, curve.byDay().get(d))));
                points.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y));
            }
            svg.append("<polyline fill=\"none\" stroke-width=\"2\" stroke=\"").append(colour).append("\" points=\"")
                    .append(points.toString().strip()).append("\"><title>").append(Html.escape(curve.word()))
                    .append("</title></polyline>");
        }
        svg.append("</svg><ul class=\"legend\">");
        for (int i = 0; i < curves.size(); i++) {
            svg.append("<li><span style=\"color:").append(COLOURS[i % COLOURS.length]).append("\">&#9632;</span> ")
                    .append(Html.escape(curves.get(i).word())).append("</li>");
        }
        return svg.append("</ul>").append(unrecalled.isEmpty() ? "" : notRecalledYet(unrecalled)).toString();
    }

    private static String notRecalledYet(List<RecallCurve> words) {
        StringBuilder note = new StringBuilder("<p class=\"muted not-recalled\">Not recalled yet, so no forecast until"
                + " the learner first says them: ");
        for (int i = 0; i < words.size(); i++) {
            note.append(i == 0 ? "" : ", ").append("<q>").append(Html.escape(words.get(i).word())).append("</q>");
        }
        return note.append(".</p>").toString();
    }
}
