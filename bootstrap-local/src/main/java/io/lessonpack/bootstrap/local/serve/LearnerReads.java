package io.lessonpack.bootstrap.local.serve;

import io.lessonpack.application.port.in.GetLearnerOverviewQuery;
import io.lessonpack.application.port.in.GetLessonPackageQuery;
import io.lessonpack.domain.learner.InvalidIdException;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.word.Language;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The read endpoints, through the application's query use cases only (never a driven port):
 * {@code GET /v1/learners/{userId}/packages/{language}} answers the package as JSON, and
 * {@code GET /learners/{userId}} the tutor's page.
 */
final class LearnerReads {

    private final GetLessonPackageQuery packages;
    private final GetLearnerOverviewQuery overviews;
    private final Clock clock;

    LearnerReads(GetLessonPackageQuery packages, GetLearnerOverviewQuery overviews, Clock clock) {
        this.packages = packages;
        this.overviews = overviews;
        this.clock = clock;
    }

    void lessonPackage(Http http) throws IOException {
        UserId user = user(http);
        Language language = Language.parse(http.param("language")).orElseThrow(() -> HttpProblem.badRequest(
                "the language is not a BCP-47 tag with an ISO 639-1 primary subtag, such as es or pt-BR"));
        http.json(200, PackageJson.of(packages.lessonPackage(user, language)
                .orElseThrow(() -> HttpProblem.notFound("this learner has no package in this language yet"))));
    }

    void page(Http http) throws IOException {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        http.html(200, LearnerPage.render(overviews.overview(user(http), today)));
    }

    private static UserId user(Http http) {
        try {
            return UserId.of(http.param("userId"));
        } catch (InvalidIdException e) {
            throw HttpProblem.badRequest("the userId is not a usable id (1 to " + UserId.MAX_LENGTH
                    + " characters, no control characters, no surrounding spaces)");
        }
    }
}
