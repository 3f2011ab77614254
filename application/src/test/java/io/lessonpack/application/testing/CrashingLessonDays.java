package io.lessonpack.application.testing;

import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.ClaimLessonDayPort;
import io.lessonpack.application.port.out.ClaimResult;
import io.lessonpack.application.port.out.DayClaim;
import io.lessonpack.application.port.out.DraftCheckpointPort;
import io.lessonpack.domain.learner.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wraps the claim and checkpoint ports of a store, records the claims made through them, and can model a process that
 * dies while it holds a claim: after {@link #dropReleases}, releases are ignored, so the claim stays
 * live until its lease runs out, exactly as when a Lambda is killed mid-attempt.
 *
 * <pre>{@code
 * CrashingLessonDays days = new CrashingLessonDays(store).dropReleases(true);
 * }</pre>
 */
public final class CrashingLessonDays implements ClaimLessonDayPort, DraftCheckpointPort {

    private final ClaimLessonDayPort claimDelegate;
    private final DraftCheckpointPort draftDelegate;
    private final AtomicBoolean dropReleases = new AtomicBoolean();
    private final List<DayClaim> claims = new CopyOnWriteArrayList<>();
    private final List<ClaimResult> claimResults = new CopyOnWriteArrayList<>();
    private final AtomicInteger releases = new AtomicInteger();
    private final AtomicInteger storedDrafts = new AtomicInteger();
    private final AtomicReference<Runnable> beforeNextClaim = new AtomicReference<>();

    public <T extends ClaimLessonDayPort & DraftCheckpointPort> CrashingLessonDays(T delegate) {
        Objects.requireNonNull(delegate, "delegate");
        this.claimDelegate = delegate;
        this.draftDelegate = delegate;
    }

    /** While {@code drop} is true, {@link #release} does nothing (the process died before it let go). */
    public CrashingLessonDays dropReleases(boolean drop) {
        dropReleases.set(drop);
        return this;
    }

    /**
     * Runs {@code action} once, just before the next claim reaches the store: the window, after an
     * attempt read the learner's status, in which another process can save a lesson.
     */
    public CrashingLessonDays beforeNextClaim(Runnable action) {
        beforeNextClaim.set(Objects.requireNonNull(action, "action"));
        return this;
    }

    @Override
    public ClaimResult claim(DayClaim claim) {
        Runnable action = beforeNextClaim.getAndSet(null);
        if (action != null) {
            action.run();
        }
        claims.add(claim);
        ClaimResult result = claimDelegate.claim(claim);
        claimResults.add(result);
        return result;
    }

    @Override
    public boolean storeDraft(UserId userId, String token, AuthoredDraft draft) {
        boolean stored = draftDelegate.storeDraft(userId, token, draft);
        if (stored) {
            storedDrafts.incrementAndGet();
        }
        return stored;
    }

    @Override
    public void release(UserId userId, String token, Instant now) {
        if (!dropReleases.get()) {
            releases.incrementAndGet();
            claimDelegate.release(userId, token, now);
        }
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
