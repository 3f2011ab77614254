package io.lessonpack.application.service;

import io.lessonpack.application.port.out.ClaimLessonDayPort;
import io.lessonpack.application.port.out.DraftCheckpointPort;
import io.lessonpack.application.port.out.EventOutboxPort;
import io.lessonpack.application.port.out.GenerationProgressPort;
import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.application.port.out.LoadLessonDayPort;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.port.out.SaveGenerationPort;
import java.util.Objects;

/**
 * The driven ports a generation uses, one per capability, handed to the service together so that
 * wiring reads as one list. Each may be a different adapter (DynamoDB, SNS, OpenAI) or the same
 * in-memory store ({@code InMemoryLessonStore#ports} fills in all of its own).
 */
public record GenerationPorts(
        LoadLessonDayPort lessonDays,
        ClaimLessonDayPort claims,
        DraftCheckpointPort drafts,
        EventOutboxPort outbox,
        LoadLearnerStatePort learnerStates,
        LoadPackagePort packages,
        LoadAnalysisResultsPort analysisResults,
        LoadCurriculumPort curriculum,
        SaveGenerationPort saver,
        PublishPackageEventPort publisher,
        LessonAuthorPort author,
        GenerationProgressPort progress) {

    public GenerationPorts {
        Objects.requireNonNull(lessonDays, "lessonDays");
        Objects.requireNonNull(claims, "claims");
        Objects.requireNonNull(drafts, "drafts");
        Objects.requireNonNull(outbox, "outbox");
        Objects.requireNonNull(learnerStates, "learnerStates");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(analysisResults, "analysisResults");
        Objects.requireNonNull(curriculum, "curriculum");
        Objects.requireNonNull(saver, "saver");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(progress, "progress");
    }

    /** The ports with no one listening to the steps ({@link GenerationProgressPort#none()}). */
    public GenerationPorts(LoadLessonDayPort lessonDays, ClaimLessonDayPort claims, DraftCheckpointPort drafts,
            EventOutboxPort outbox, LoadLearnerStatePort learnerStates, LoadPackagePort packages,
            LoadAnalysisResultsPort analysisResults, LoadCurriculumPort curriculum, SaveGenerationPort saver,
            PublishPackageEventPort publisher, LessonAuthorPort author) {
        this(lessonDays, claims, drafts, outbox, learnerStates, packages, analysisResults, curriculum, saver, publisher,
                author, GenerationProgressPort.none());
    }

    /** These ports with {@code listener} hearing each step of a generation. */
    public GenerationPorts withProgress(GenerationProgressPort listener) {
        return new GenerationPorts(lessonDays, claims, drafts, outbox, learnerStates, packages, analysisResults,
                curriculum, saver, publisher, author, listener);
    }
}
