package io.lessonpack.bootstrap.local.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.lessonpack.adapter.openai.OpenAiAuthorConfig;
import io.lessonpack.adapter.openai.OpenAiClients;
import io.lessonpack.adapter.openai.OpenAiLessonAuthorAdapter;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.domain.curriculum.CurriculumLookup;
import io.lessonpack.domain.curriculum.ReviewWord;
import io.lessonpack.domain.lesson.DraftCheck;
import io.lessonpack.domain.lesson.DraftValidator;
import io.lessonpack.domain.lesson.LessonPlan;
import io.lessonpack.domain.lesson.NewWordCount;
import io.lessonpack.domain.lesson.Violation;
import io.lessonpack.domain.lesson.WordNote;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModelStandInTest {

    private static final Language ES = Language.of("es");

    private ModelStandIn standIn;
    private OpenAiLessonAuthorAdapter author;

    @BeforeEach
    void start() {
        standIn = ModelStandIn.start(Duration.ofMillis(200));
        author = adapter(OpenAiAuthorConfig.defaults().withBaseUrl(standIn.baseUrl()));
    }

    /** The real adapter on the real SDK, with a dummy key. */
    private static OpenAiLessonAuthorAdapter adapter(OpenAiAuthorConfig config) {
        ApiKeyPort keys = new ApiKeyPort() {
            @Override
            public String apiKey() {
                return "test-key";
            }

            @Override
            public String refreshApiKey() {
                return apiKey();
            }
        };
        return new OpenAiLessonAuthorAdapter(OpenAiClients.create(config), keys, config, Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    private static LessonBrief brief() {
        List<ReviewWord> reviews = List.of("la cuenta", "gracias").stream()
                .map(w -> new ReviewWord(WordKey.of(ES, w), w, ReviewWord.Source.MISSED_TARGET, 0)).toList();
        return new LessonBrief(new LessonPlan(ES, reviews, NewWordCount.defaultCount()), List.of("la cuenta", "gracias"),
                List.of("hola"), List.of("agua", "pan"), List.of("Hesitated when asking for the bill."),
                List.of(new WordNote("hola", "/ˈo.la/", "hello")), null);
    }

    private static AuthorBudget deadline() {
        return new AuthorBudget(Instant.now().plusSeconds(30), Duration.ofSeconds(1));
    }

    @Test
    void write_throughTheRealAdapter_answersAfterTheDelayWithADraftThatPassesEveryRule() {
        LessonBrief brief = brief();
        long started = System.nanoTime();

        AuthoredDraft draft = author.write(brief, deadline());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(DraftValidator.validate(draft.draft(), brief.plan(), CurriculumLookup.empty()))
                .isInstanceOf(DraftCheck.Valid.class);
        assertThat(draft.author()).isEqualTo("openai:" + OpenAiAuthorConfig.DEFAULT_MODEL);
        assertThat(draft.usage().calls()).isEqualTo(1);
        assertThat(draft.usage().promptTokens()).isPositive();
        assertThat(draft.draft().conversations().get(2).words()).hasSize(5)
                .doesNotContain("la cuenta", "gracias", "hola", "agua", "pan");
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(1, 1, 0));
        assertThat(standIn.baseUrl()).endsWith("/v1");
    }

    @Test
    void repair_picksOtherNewWordsThanThePreviousPackage() {
        LessonBrief brief = brief();
        AuthoredDraft first = author.write(brief, deadline());
        List<String> firstWords = first.draft().conversations().get(2).words();
        Set<WordKey> curriculum = new HashSet<>();
        firstWords.forEach(w -> curriculum.add(WordKey.of(ES, w)));
        CurriculumLookup lookup = keys -> {
            Set<WordKey> found = new HashSet<>(keys);
            found.retainAll(curriculum);
            return found;
        };
        List<Violation> violations = ((DraftCheck.Invalid) DraftValidator.validate(first.draft(), brief.plan(), lookup))
                .violations();

        AuthoredDraft repaired = author.repair(brief, first.draft(), violations, deadline());

        assertThat(DraftValidator.validate(repaired.draft(), brief.plan(), lookup)).isInstanceOf(DraftCheck.Valid.class);
        assertThat(repaired.draft().conversations().get(2).words()).doesNotContainAnyElementsOf(firstWords);
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(2, 2, 0));
    }

    @Test
    void clientThatGoesAwayBeforeTheAnswer_isCountedAsCut() throws Exception {
        String body = "{\"model\":\"m\",\"messages\":[{\"role\":\"system\",\"content\":\"s\"},{\"role\":\"user\","
                + "\"content\":\"x\\n<learner_data>\\n{\\\"targetLanguage\\\":{\\\"tag\\\":\\\"es\\\"},"
                + "\\\"reviewWords\\\":[\\\"gracias\\\"],\\\"newWordCount\\\":5}\\n</learner_data>\"}]}";
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        URI uri = URI.create(standIn.baseUrl());
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), uri.getPort())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + ModelStandIn.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + bytes.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes);
            out.flush();
            long until = System.nanoTime() + Duration.ofSeconds(2).toNanos();
            while (standIn.counts().started() == 0 && System.nanoTime() < until) {
                Thread.sleep(10);
            }
        }

        assertThat(standIn.awaitIdle(Duration.ofSeconds(3))).isTrue();
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(1, 0, 1));

        standIn.reset();
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(0, 0, 0));
    }

    @Test
    void sdkThatTimesOutBeforeTheAnswer_isCountedAsCut() throws InterruptedException {
        standIn.setDelay(Duration.ofMillis(700));
        OpenAiAuthorConfig config = OpenAiAuthorConfig.defaults().withBaseUrl(standIn.baseUrl())
                .withTimeouts(Duration.ofSeconds(1), Duration.ofMillis(300)).withMaxRetries(0);
        OpenAiLessonAuthorAdapter impatient = adapter(config);

        assertThatThrownBy(() -> impatient.write(brief(), deadline()))
                .isInstanceOfSatisfying(LessonAuthorException.class,
                        e -> assertThat(e.kind()).isEqualTo(LessonAuthorException.Kind.UNAVAILABLE));

        assertThat(standIn.awaitIdle(Duration.ofSeconds(3))).isTrue();
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(1, 0, 1));
    }

    @Test
    void setDelay_appliesToTheNextRequest() {
        standIn.setDelay(Duration.ZERO);
        long started = System.nanoTime();

        author.write(brief(), deadline());

        assertThat(standIn.delay()).isEqualTo(Duration.ZERO);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void scriptedFaults_reachTheRealAdapterAsOpenAiSendsThem_andOnlyForTheirToken() {
        standIn.setDelay(Duration.ZERO);
        Map<String, ArrayDeque<StandInFault>> scripts = new ConcurrentHashMap<>();
        scripts.put("test-key", new ArrayDeque<>(List.of(StandInFault.RATE_LIMITED, StandInFault.SERVER_ERROR,
                StandInFault.REFUSAL, StandInFault.TRUNCATED)));
        standIn.setFaults(token -> Optional.ofNullable(scripts.get(token)).map(ArrayDeque::poll));

        // A 429, then a 500: each retried after the stand-in's short retry-after-ms; the third attempt is refused.
        assertThatThrownBy(() -> author.write(brief(), deadline())).isInstanceOfSatisfying(LessonAuthorException.class,
                e -> assertThat(e.kind()).isEqualTo(LessonAuthorException.Kind.REFUSED));
        assertThatThrownBy(() -> author.write(brief(), deadline())).isInstanceOfSatisfying(LessonAuthorException.class,
                e -> assertThat(e.kind()).isEqualTo(LessonAuthorException.Kind.TRUNCATED));
        assertThat(author.write(brief(), deadline()).draft().conversations()).hasSize(3);
        assertThat(standIn.counts()).isEqualTo(new ModelStandIn.Counts(5, 5, 0));

        standIn.setFaults(StandInFaults.none());
        assertThat(author.write(brief(), deadline()).usage().calls()).isEqualTo(1);
    }
}
