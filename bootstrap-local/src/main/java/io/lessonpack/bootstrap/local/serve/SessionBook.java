package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.ProgressStep;
import io.lessonpack.domain.lesson.LessonPackage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.Supplier;

/**
 * The sessions posted to this server and what became of them, read from their progress steps. A
 * session is admitted once: posting it again finds the same entry, so it is never submitted twice
 * while one attempt is in flight (and the real path's claim and {@code ALREADY_PROCESSED} rule keep
 * a later one from writing a second lesson). Only a session that ended failed is taken back, as a
 * redrive from the dead-letter queue would. Kept in memory for the server's life.
 */
final class SessionBook {

    /** Where a session stands. */
    enum Status {
        /** Posted, waiting for its learner's lane. */
        ACCEPTED,
        /** The handler is working on it, or it waits for a retry. */
        RUNNING,
        GENERATED,
        SKIPPED,
        FAILED;

        String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** One session and its outcome so far; every field is read and written under the entry's lock. */
    static final class Entry {
        private final GenerateDailyPackageCommand command;
        private final String messageId;
        private final String body;
        private final List<ProgressHub.Event> steps = new ArrayList<>();
        private Status status = Status.ACCEPTED;
        private String reason = "";
        private int attempts;
        private LessonPackage lesson;

        private Entry(GenerateDailyPackageCommand command, String messageId, String body) {
            this.command = command;
            this.messageId = messageId;
            this.body = body;
        }

        GenerateDailyPackageCommand command() {
            return command;
        }

        String messageId() {
            return messageId;
        }

        String body() {
            return body;
        }

        String location() {
            return "/v1/sessions/" + Http.encodeSegment(command.sessionId().value());
        }

        synchronized void heard(ProgressHub.Event event) {
            steps.add(event);
            if (status == Status.ACCEPTED) {
                status = Status.RUNNING;
            }
            if (event.step().kind() == ProgressStep.Kind.FAILED) {
                reason = event.step().detail();
            }
        }

        /** Takes a failed session back for another round of attempts, as a redrive from the DLQ does. */
        synchronized boolean readmitIfFailed() {
            if (status != Status.FAILED) {
                return false;
            }
            status = Status.ACCEPTED;
            attempts = 0;
            return true;
        }

        synchronized void attempt(int attempt) {
            attempts = attempt;
            status = Status.RUNNING;
        }

        /**
         * Ends the session on what its latest steps say: a commit is a lesson, a skip its reason, a
         * failure its reason. {@code handlerFailed} says whether the handler reported it failed (used
         * when no step tells why); {@code current} reads the package (null when there is none), asked
         * only for a lesson.
         */
        synchronized void finish(boolean handlerFailed, Supplier<LessonPackage> current) {
            for (int i = steps.size() - 1; i >= 0; i--) {
                ProgressStep step = steps.get(i).step();
                switch (step.kind()) {
                    case COMMITTED, PUBLISHED -> {
                        status = Status.GENERATED;
                        reason = "";
                        lesson = current.get();
                        return;
                    }
                    case SKIPPED -> {
                        status = Status.SKIPPED;
                        reason = step.detail();
                        return;
                    }
                    case FAILED -> {
                        status = Status.FAILED;
                        reason = step.detail();
                        return;
                    }
                    default -> {
                        // Not an ending: look further back.
                    }
                }
            }
            status = Status.FAILED;
            reason = handlerFailed ? "REPORTED_FAILED" : "NO_OUTCOME";
        }

        synchronized View view() {
            return new View(command, status, reason, attempts, lesson, List.copyOf(steps), location());
        }
    }

    /** A consistent copy of an entry, for an answer. */
    record View(GenerateDailyPackageCommand command, Status status, String reason, int attempts, LessonPackage lesson,
            List<ProgressHub.Event> steps, String location) {
    }

    /** An admission: the session's entry, and whether this post created it. */
    record Admission(Entry entry, boolean created) {
    }

    private final ConcurrentMap<String, Entry> sessions = new ConcurrentHashMap<>();

    /**
     * The session's entry, created for {@code command} unless the session was posted before; a
     * session that ended failed is admitted again (the real path's rules still allow at most one
     * lesson for it), any other one is not.
     */
    Admission admit(GenerateDailyPackageCommand command, String messageId, String body) {
        Entry fresh = new Entry(command, messageId, body);
        Entry existing = sessions.putIfAbsent(command.sessionId().value(), fresh);
        return existing == null ? new Admission(fresh, true) : new Admission(existing, existing.readmitIfFailed());
    }

    Optional<Entry> find(String sessionId) {
        return Optional.ofNullable(sessions.get(sessionId));
    }

    /** Files a step under its session, when the session was posted here. */
    void heard(ProgressHub.Event event) {
        Entry entry = sessions.get(event.step().sessionId().value());
        if (entry != null) {
            entry.heard(event);
        }
    }
}
