package io.lessonpack.application.port.out;

import java.util.List;

/**
 * What one bounded read of a learner's analysis results returned, newest first.
 *
 * @param items    the items read, newest first (an item whose time cannot be read wherever the
 *                 table's order put it)
 * @param complete whether every item of the window was read; false when the read stopped at its
 *                 bound and older items of the window were left unread
 */
public record AnalysisPage(List<StoredAnalysis> items, boolean complete) {

    public AnalysisPage {
        items = List.copyOf(items);
    }
}
