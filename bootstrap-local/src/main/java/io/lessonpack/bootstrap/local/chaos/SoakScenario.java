package io.lessonpack.bootstrap.local.chaos;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What the soak plays, drawn before it starts: the learners (their languages, their message group,
 * a package the original service left in the table), their sessions over the simulated days, the
 * messages the app sends for them (duplicates, late ones and poison ones included) and the analysis
 * results the analysis service writes.
 *
 * @param firstDay the first simulated UTC day
 * @param days     how many days
 * @param learners every learner
 * @param sessions every session, in time order
 * @param sends    every message, in time order
 * @param analyses every analysis result to write, in time order
 */
record SoakScenario(LocalDate firstDay, int days, List<Learner> learners, List<Session> sessions, List<Send> sends,
        List<AnalysisWrite> analyses) {

    SoakScenario {
        learners = List.copyOf(learners);
        sessions = List.copyOf(sessions);
        sends = List.copyOf(sends);
        analyses = List.copyOf(analyses);
    }

    /**
     * A learner.
     *
     * @param languageTags     the languages they practise (distinct ISO 639-1 codes), as the app tags them
     * @param groupId          the message group of their messages: their own, or one shared with others
     * @param legacyPackageTag the language of a package the original service wrote for them; null when
     *                         it wrote none ({@link #legacyTag()} reads it as an {@code Optional})
     */
    record Learner(String userId, List<String> languageTags, String groupId, String legacyPackageTag) {
        Learner {
            languageTags = List.copyOf(languageTags);
        }

        /** The language of a package the original service wrote for them; empty when it wrote none. */
        Optional<String> legacyTag() {
            return Optional.ofNullable(legacyPackageTag);
        }

        boolean sharesGroup() {
            return !groupId.equals(ownGroup(userId));
        }

        static String ownGroup(String userId) {
            return "group-" + userId;
        }
    }

    /**
     * A voice session.
     *
     * @param day         the 0-based simulated day it ended on
     * @param dayBoundary whether it ended in the last seconds of its UTC day
     * @param analysis    what the analysis service does with it
     */
    record Session(String sessionId, Learner learner, String languageTag, Instant endedAt, int day, boolean dayBoundary,
            AnalysisVariant analysis) {
    }

    /** What a message is. */
    enum MessageKind {
        /** The session's message, sent seconds after it ended. */
        SESSION,
        /** The session's only message, sent hours after it ended. */
        LATE,
        /** The same session's message sent again, with another message id. */
        DUPLICATE,
        /**
         * The session's message with a {@code createdAt} that cannot be believed (far ahead, far
         * back, unreadable): still a valid message, whose time is the queue's instead.
         */
        UNTRUSTED_TIME,
        /** A poison message: a missing field, bad JSON, an unknown language, a field of the wrong type. */
        INVALID
    }

    /** One message sent to the queue; {@code session} is null for a poison message. */
    record Send(Instant at, String messageId, String groupId, String body, MessageKind kind, Session session) {

        boolean valid() {
            return kind != MessageKind.INVALID;
        }
    }

    /**
     * One analysis result, written at {@code at}; its targets are drawn when it is written, from the
     * learner's package at that time.
     *
     * @param createdAt      the text stored as {@code createdAt} (not always an instant)
     * @param spelledInstant the instant it spells; null when it spells none ({@link #createdAtInstant()})
     * @param storedTag      the {@code targetLanguage} stored; null when none is ({@link #tag()})
     * @param withSession    whether {@code sessionId} is stored
     */
    record AnalysisWrite(Instant at, String analysisId, Session session, AnalysisVariant variant, String createdAt,
            Instant spelledInstant, String storedTag, boolean withSession) {

        /** The instant {@code createdAt} spells; empty when it spells none. */
        Optional<Instant> createdAtInstant() {
            return Optional.ofNullable(spelledInstant);
        }

        /** The {@code targetLanguage} stored; empty when none is. */
        Optional<String> tag() {
            return Optional.ofNullable(storedTag);
        }
    }

    Map<String, Learner> learnersById() {
        return learners.stream().collect(Collectors.toMap(Learner::userId, Function.identity()));
    }

    LocalDate lastDay() {
        return firstDay.plusDays(days - 1L);
    }
}
