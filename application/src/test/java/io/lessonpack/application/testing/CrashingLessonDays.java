package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.LessonDayPort;
import io.lessonpack.application.port.out.LessonDayStatus;
import io.lessonpack.domain.learner.SessionId;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Wraps a {@link LessonDayPort}, records the claims made through it, and can model a process that
 * dies while it holds a claim: after {@link #dropReleases}, releases are ignored, so the claim stays
 * live until its lease runs out, exactly as when a Lambda is killed mid-attempt.
 *
 * <pre>{@code
 * CrashingLessonDays days = new CrashingLessonDays(store).dropReleases(true);
 * }</pre>
 */
public final class CrashingLessonDays implements LessonDayPort {

    private final LessonDayPort delegate;
    private final AtomicBoolean dropReleases = new AtomicBoolean();
    private final List<DayClaim> claims = new CopyOnWriteArrayList<>();
    private final List<ClaimResult> claimResults = new CopyOnWriteArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();
    private final AtomicInteger storedDrafts = new AtomicInteger();

    public CrashingLessonDays(LessonDayPort delegate) {
        this.delegate = Objects.requireNonNull(delegate, "delegate");
    }

    /** While {@code drop} is true, {@link #release} does nothing (the process died before it let go). */
    public CrashingLessonDays dropReleases(boolean drop) {
        dropReleases.set(drop);
        return this;
    }

    @Override
    public LessonDayStatus status(UserId userId, SessionId sessionId) {
        return delegate.status(userId, sessionId);
    }

    @Override
    public ClaimResult claim(DayClaim claim) {
        claims.add(claim);
        ClaimResult result = delegate.claim(claim);
        claimResults.add(result);
        return result;
    }

    @Override
    public boolean storeDraft(UserId userId, String token, AuthoredDraft draft) {
        boolean stored = delegate.storeDraft(userId, token, draft);
        if (stored) {
            storedDrafts.incrementAndGet();
        }
        return stored;
    }

    @Override
    public void release(UserId userId, String token, Instant now) {
        if (!dropReleases.get()) {
            releases.incrementAndGet();
            delegate.release(userId, token, now);
        }
    }

    @Override
    public void markPublished(UserId userId, String eventId) {
        delegate.markPublished(userId, eventId);
    }

    /** Every claim requested, in order. */
    public List<DayClaim> claims() {
        return List.copyOf(claims);
    }

    /** What each claim achieved, in the order of {@link #claims()}. */
    public List<ClaimResult> claimResults() {
        return List.copyOf(claimResults);
    }

    /** Releases passed on to the store (dropped ones are not counted). */
    public int releases() {
        return releases.get();
    }

    /** Drafts the store accepted under a claim. */
    public int storedDrafts() {
        return storedDrafts.get();
    }
}
