package io.lessonpack.application.service;

import io.lessonpack.application.port.out.LessonAuthorPort;
import io.lessonpack.application.port.out.LessonDayPort;
import io.lessonpack.application.port.out.LoadAnalysisResultsPort;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.LoadLearnerStatePort;
import io.lessonpack.application.port.out.LoadPackagePort;
import io.lessonpack.application.port.out.PublishPackageEventPort;
import io.lessonpack.application.port.out.SaveGenerationPort;
import java.util.Objects;

/**
 * The driven ports a generation uses, handed to the service together so that wiring reads as one
 * list. Each may be a different adapter (DynamoDB, SNS, OpenAI) or the same in-memory store.
 */
public record GenerationPorts(
        LessonDayPort lessonDays,
        LoadLearnerStatePort learnerStates,
        LoadPackagePort packages,
        LoadAnalysisResultsPort analysisResults,
        LoadCurriculumPort curriculum,
        SaveGenerationPort saver,
        PublishPackageEventPort publisher,
        LessonAuthorPort author) {

    public GenerationPorts {
        Objects.requireNonNull(lessonDays, "lessonDays");
        Objects.requireNonNull(learnerStates, "learnerStates");
        Objects.requireNonNull(packages, "packages");
        Objects.requireNonNull(analysisResults, "analysisResults");
        Objects.requireNonNull(curriculum, "curriculum");
        Objects.requireNonNull(saver, "saver");
        Objects.requireNonNull(publisher, "publisher");
        Objects.requireNonNull(author, "author");
    }
}
