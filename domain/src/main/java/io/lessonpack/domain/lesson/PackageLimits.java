package io.lessonpack.domain.lesson;

/**
 * Size limits on every text and list in a package. They keep a package item small (a few tens of
 * kilobytes at most, far below DynamoDB's 400 KB) whatever the size of the curriculum, and they
 * cap what a misbehaving author can make us store.
 */
public final class PackageLimits {

    public static final int NAME = 120;
    public static final int TITLE = 160;
    public static final int INSTRUCTIONS = 4_000;
    public static final int WORD = 100;
    public static final int WORDS_PER_CONVERSATION = 20;
    public static final int LEARNING = 2_000;
    public static final int WORK_ON_ITEMS = 8;
    public static final int WORK_ON_ITEM = 400;
    public static final int NOTE_WORDS = 30;
    public static final int PRONUNCIATION = 120;
    public static final int MEANING = 200;

    private PackageLimits() {
    }
}
