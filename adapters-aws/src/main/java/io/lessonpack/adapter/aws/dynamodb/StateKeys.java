package io.lessonpack.adapter.aws.dynamodb;

import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The keys of the state table's items, all under the learner's partition {@code USER#<userId>}:
 * <ul>
 *   <li>{@code LAST_LESSON_DAY}: the last lesson's date, the claim on the day, its stored draft and
 *       the unpublished events;</li>
 *   <li>{@code SESSION#<sessionId>}: a session that produced its lesson (TTL 30 days);</li>
 *   <li>{@code LANGUAGE#<code>}: the analysis progress and the package per language;</li>
 *   <li>{@code WORD#<code>#<keyVersion>#<keyValue>}: one curriculum entry;</li>
 *   <li>{@code READING#<code>#<keyVersion>#<readingKeyValue>}: a Japanese reading some entry answers to;</li>
 *   <li>{@code RUN#<lessonDate>#<sessionId>}: the record of one generation (TTL 180 days).</li>
 * </ul>
 * The language part is the ISO 639-1 code ({@code es} for {@code es-MX}): regional variants share
 * their state and words, as {@link WordKey} does.
 */
final class StateKeys {

    static final String PK = "PK";
    static final String SK = "SK";
    static final String LAST_LESSON_DAY = "LAST_LESSON_DAY";
    static final String DUE_INDEX = "DueIndex";
    static final String DUE_USER = "dueUser";
    static final String DUE_ON = "dueOn";
    static final String EXPIRES_AT = "expiresAt";

    /** DynamoDB's limit on a sort key value, in UTF-8 bytes. */
    static final int MAX_SORT_KEY_BYTES = 1024;

    private StateKeys() {
    }

    static String partition(UserId user) {
        return "USER#" + user.value();
    }

    static Map<String, AttributeValue> key(UserId user, String sortKey) {
        return Map.of(PK, Attributes.s(partition(user)), SK, Attributes.s(sortKey));
    }

    static Map<String, AttributeValue> lastLessonDay(UserId user) {
        return key(user, LAST_LESSON_DAY);
    }

    static String session(SessionId session) {
        return "SESSION#" + session.value();
    }

    static String language(Language language) {
        return "LANGUAGE#" + language.code();
    }

    static String word(WordKey key) {
        return "WORD#" + key.language() + "#" + key.version() + "#" + key.value();
    }

    /** The prefix of every WORD item of one language (all key versions). */
    static String wordsOf(Language language) {
        return "WORD#" + language.code() + "#";
    }

    static String reading(WordKey readingKey) {
        return "READING#" + readingKey.language() + "#" + readingKey.version() + "#" + readingKey.value();
    }

    static String run(LessonDay day, SessionId session) {
        return "RUN#" + day + "#" + session.value();
    }

    /** The partition of the due-date index for a learner's words in a language. */
    static String dueUser(UserId user, String languageCode) {
        return partition(user) + "#LANGUAGE#" + languageCode;
    }

    /**
     * Whether a sort key fits DynamoDB's limit. A word key longer than that can never have been
     * stored (lessons cap words far below it), while asking for it would fail the whole request.
     */
    static boolean fits(String sortKey) {
        return sortKey.getBytes(StandardCharsets.UTF_8).length <= MAX_SORT_KEY_BYTES;
    }
}
