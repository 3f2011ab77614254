package io.lessonpack.application.port.out;

import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.util.List;

/** Reads what the service remembers per (learner, language). */
public interface LoadLearnerStatePort {

    /** The state for the learner and language; {@link LearnerState#none()} when never seen. */
    LearnerState loadLearnerState(UserId userId, Language language);

    /** The languages the learner has a state in (by language code, each with the tag last used). */
    List<Language> languages(UserId userId);
}
