package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.in.LearnerOverview;
import io.lessonpack.application.port.in.LearnerOverview.KnownWord;
import io.lessonpack.application.port.in.LearnerOverview.LanguageOverview;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import java.util.List;
import java.util.Locale;

/**
 * The page a tutor reads about a learner: per language today's package (the review topics with the
 * word the learner must say, the new lesson, the notes), the curriculum with each word's predicted
 * recall today, and the review words' recall forecast. It stays live: a small script listens to the
 * learner's progress steps, shows them in {@code #live-status}, and swaps in a fresh
 * {@code <main id="learner">} when a lesson is committed. Every piece of learner text is escaped;
 * the script reads the user id from a data attribute, never from code.
 */
final class LearnerPage {

    private static final String STYLE = """
            body{font-family:system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
            #live-status{background:#f3f6fa;border-left:4px solid #1f77b4;padding:.5rem .8rem;margin:1rem 0}
            section{border-top:1px solid #ccc;margin-top:1.5rem}
            table{border-collapse:collapse}td,th{padding:.2rem .6rem;text-align:left;border-bottom:1px solid #eee}
            .opening-word{font-weight:bold;color:#d62728}.muted{color:#777}.legend{list-style:none;padding:0}
            .legend li{display:inline;margin-right:1rem}""";

    private static final String SCRIPT = """
            (function () {
              var status = document.getElementById('live-status');
              var user = document.getElementById('learner').dataset.userId;
              var phrases = {received: 'Session received', day_claimed: "Today's lesson claimed",
                analysis_read: 'Analysis read', author_started: "Writing today's lesson… author started",
                author_answered: "Writing today's lesson… author answered", draft_repaired: 'Draft repaired',
                committed: "Today's lesson saved", published: "Today's lesson published",
                skipped: 'No lesson this time: ', failed: 'Failed this time: '};
              function refresh() {
                fetch(location.pathname, {cache: 'no-store'}).then(function (r) { return r.text(); })
                  .then(function (html) {
                    var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('learner');
                    if (fresh) { document.getElementById('learner').replaceWith(fresh); }
                  });
              }
              var source = new EventSource('/v1/events?userId=' + encodeURIComponent(user));
              source.addEventListener('step', function (e) {
                var step = JSON.parse(e.data);
                var text = phrases[step.kind] || step.kind;
                if (step.kind === 'skipped' || step.kind === 'failed') { text += step.detail; }
                status.textContent = step.language + ' · ' + text;
                status.dataset.kind = step.kind;
                if (step.kind === 'committed' || step.kind === 'published') { refresh(); }
              });
            })();""";

    private LearnerPage() {
    }

    static String render(LearnerOverview overview) {
        String user = Html.escape(overview.userId().value());
        StringBuilder page = new StringBuilder(8192);
        page.append("<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>lessonpack · ")
                .append(user).append("</title><style>").append(STYLE).append("</style></head><body>\n")
                .append("<header><h1>Lessons of <span id=\"learner-id\">").append(user).append("</span></h1>")
                .append("<div id=\"live-status\" role=\"status\" aria-live=\"polite\">Live: waiting for a session")
                .append("</div></header>\n")
                .append("<main id=\"learner\" data-user-id=\"").append(user).append("\" data-today=\"")
                .append(overview.today()).append("\">\n");
        if (overview.languages().isEmpty()) {
            page.append("<p id=\"no-lessons\">No lessons yet for this learner. This page updates by itself when the"
                    + " first one is written.</p>\n");
        }
        for (LanguageOverview language : overview.languages()) {
            language(page, language);
        }
        return page.append("</main>\n<script>").append(SCRIPT).append("</script>\n</body></html>\n").toString();
    }

    private static void language(StringBuilder page, LanguageOverview language) {
        String tag = Html.escape(language.language().tag());
        String name = Html.escape(language.language().locale().getDisplayLanguage(Locale.ENGLISH));
        LessonPackage pkg = language.lessonPackage();
        page.append("<section class=\"").append(pkg == null ? "language" : "package").append("\" data-language=\"")
                .append(tag).append("\" data-version=\"").append(pkg == null ? 0 : pkg.version()).append("\">\n")
                .append("<h2>").append(name).append(" (").append(tag).append(")</h2>\n");
        if (pkg == null) {
            page.append("<p class=\"muted\">No lesson yet in this language.</p>\n");
        } else {
            lesson(page, pkg);
        }
        curriculum(page, language);
        page.append("<h3>Recall forecast of the review words</h3>\n")
                .append(RecallChart.svg(language.reviewCurves())).append("\n</section>\n");
    }

    private static void lesson(StringBuilder page, LessonPackage pkg) {
        page.append("<p class=\"package-head\"><strong>").append(Html.escape(pkg.name())).append("</strong> · version ")
                .append(pkg.version()).append(" · lesson of ").append(pkg.lessonDate().date()).append(" · written by ")
                .append(Html.escape(pkg.author())).append("</p>\n<h3>Review</h3>\n<ol class=\"reviews\">\n");
        for (ReviewTopic r : pkg.reviewTopics()) {
            page.append("<li><strong>").append(Html.escape(r.title()))
                    .append("</strong> — the learner must say <q class=\"opening-word\">")
                    .append(Html.escape(r.openingWord())).append("</q><p>").append(Html.escape(r.instructions()))
                    .append("</p></li>\n");
        }
        NewLesson lesson = pkg.newLesson();
        page.append("</ol>\n<h3>New lesson</h3>\n<div class=\"new-lesson\"><strong>").append(Html.escape(lesson.title()))
                .append("</strong><p>New words: ").append(Html.escape(String.join(", ", lesson.words())))
                .append("</p><p>").append(Html.escape(lesson.instructions())).append("</p></div>\n")
                .append("<h3>Notes</h3>\n<p class=\"learning\">").append(Html.escape(pkg.notes().learning()))
                .append("</p>\n<h4>What to work on</h4>\n<ul class=\"work-on\">");
        for (String item : pkg.notes().workOn()) {
            page.append("<li>").append(Html.escape(item)).append("</li>");
        }
        page.append("</ul>\n<table class=\"word-notes\"><tr><th>Word</th><th>Pronunciation</th><th>Meaning</th></tr>");
        for (WordNote w : pkg.notes().words()) {
            row(page, List.of(w.writing(), w.pronunciation(), w.meaning()));
        }
        page.append("</table>\n");
    }

    private static void curriculum(StringBuilder page, LanguageOverview language) {
        page.append("<h3>Curriculum: predicted recall today</h3>\n");
        if (language.words().isEmpty()) {
            page.append("<p class=\"muted\">No words yet.</p>\n");
            return;
        }
        if (!language.curriculumRead()) {
            page.append("<p class=\"muted\">The ").append(language.words().size())
                    .append(" words most at risk are shown.</p>\n");
        }
        page.append("<table class=\"curriculum\"><tr><th>Word</th><th>Pronunciation</th><th>Meaning</th>"
                + "<th>Recall today</th><th>Recalls</th></tr>");
        for (KnownWord w : language.words()) {
            String recall = w.recalls() == 0 ? "—" : Math.round(w.recallToday() * 100) + " %";
            row(page, List.of(w.writing(), w.pronunciation(), w.meaning(), recall, String.valueOf(w.recalls())));
        }
        page.append("</table>\n");
    }

    private static void row(StringBuilder page, List<String> cells) {
        page.append("<tr>");
        cells.forEach(c -> page.append("<td>").append(Html.escape(c)).append("</td>"));
        page.append("</tr>");
    }
}
