package io.lessonpack.bootstrap.local.serve;

/**
 * Escapes text for HTML element content and quoted attribute values: every learner's text on the
 * learner page passes through {@link #escape} (ids, words, notes, the feedback-driven lesson).
 */
final class Html {

    private Html() {
    }

    /** {@code <}, {@code >}, {@code &}, {@code "} and {@code '} as character references; null as empty. */
    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
