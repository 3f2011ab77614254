package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;

/**
 * Keeps the author's answer under the attempt's claim, so that a retry after a crash resumes it
 * instead of paying for the same answer twice.
 */
public interface DraftCheckpointPort {

    /**
     * Stores {@code draft} under the claim holding {@code token}. Returns false when the claim was
     * lost (taken over), in which case nothing is stored.
     */
    boolean storeDraft(UserId userId, String token, AuthoredDraft draft);
}
