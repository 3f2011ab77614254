package io.lessonpack.bootstrap.local.demo;

import io.lessonpack.domain.lesson.Conversation;
import io.lessonpack.domain.lesson.LessonPackage;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.WordNote;
import java.util.ArrayList;
import java.util.List;

/** Shows a package the way a learner or their tutor reads it, as plain text for a terminal. */
final class PackageRenderer {

    private static final int WIDTH = 100;

    private PackageRenderer() {
    }

    static String render(LessonPackage pkg, String indent) {
        StringBuilder out = new StringBuilder();
        out.append(indent).append(pkg.name()).append("  ·  v").append(pkg.version())
                .append("  ·  lesson of ").append(pkg.lessonDate())
                .append("  ·  written by ").append(pkg.author()).append('\n');
        int n = 1;
        for (Conversation c : pkg.conversations()) {
            switch (c) {
                case ReviewTopic r -> {
                    out.append(indent).append("  ").append(n).append(". Review — ").append(r.title()).append('\n');
                    out.append(indent).append("     Opening word the learner must say: «").append(r.openingWord()).append("»\n");
                }
                case NewLesson l -> {
                    out.append(indent).append("  ").append(n).append(". New lesson — ").append(l.title()).append('\n');
                    out.append(indent).append("     New words: ").append(String.join(", ", l.words())).append('\n');
                }
            }
            wrap(out, indent + "     Tutor: ", indent + "            ", c.instructions());
            n++;
        }
        out.append(indent).append("  Notes\n");
        wrap(out, indent + "    Learning: ", indent + "              ", pkg.notes().learning());
        out.append(indent).append("    Work on:\n");
        for (String item : pkg.notes().workOn()) {
            wrap(out, indent + "      • ", indent + "        ", item);
        }
        out.append(indent).append("    Words:\n");
        int width = pkg.notes().words().stream().mapToInt(w -> displayWidth(w.writing())).max().orElse(0);
        for (WordNote w : pkg.notes().words()) {
            out.append(indent).append("      ").append(pad(w.writing(), width)).append("  ")
                    .append(w.pronunciation()).append("  ").append(w.meaning()).append('\n');
        }
        return out.toString();
    }

    private static String pad(String s, int width) {
        return s + " ".repeat(Math.max(0, width - displayWidth(s)));
    }

    /** Terminal columns: CJK ideographs, kana and full-width forms take two. */
    static int displayWidth(String s) {
        return s.codePoints().map(cp -> isWide(cp) ? 2 : 1).sum();
    }

    private static boolean isWide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }

    private static void wrap(StringBuilder out, String first, String rest, String text) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > WIDTH - first.length()) {
                lines.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            lines.add(line.toString());
        }
        for (int i = 0; i < lines.size(); i++) {
            out.append(i == 0 ? first : rest).append(lines.get(i)).append('\n');
        }
    }
}
