package io.lessonpack.adapter.openai;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static io.lessonpack.adapter.openai.ChatCompletions.assertWellFormed;
import static io.lessonpack.adapter.openai.ChatCompletions.completion;
import static io.lessonpack.adapter.openai.ChatCompletions.error;
import static io.lessonpack.adapter.openai.ChatCompletions.planAware;
import static io.lessonpack.adapter.openai.ChatCompletions.requests;
import static io.lessonpack.adapter.openai.ChatCompletions.respondInOrder;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.openai.client.OpenAIClient;
import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.AuthorUsage;
import io.lessonpack.application.port.out.AuthorBudget;
import io.lessonpack.application.port.out.AuthoredDraft;
import io.lessonpack.application.port.out.LessonAuthorException.Kind;
import io.lessonpack.application.port.out.LessonAuthorException;
import io.lessonpack.application.port.out.LessonBrief;
import io.lessonpack.application.logging.EmbeddedMetrics;
import io.lessonpack.application.testing.CapturedLogs;
import io.lessonpack.application.testing.EmfDocument;
import io.lessonpack.application.testing.MutableClock;
import io.lessonpack.application.time.CallDeadline;
import io.lessonpack.domain.lesson.DraftCheck;
import io.lessonpack.domain.lesson.DraftValidator;
import io.lessonpack.domain.lesson.NewLesson;
import io.lessonpack.domain.lesson.PackageDraft;
import io.lessonpack.domain.lesson.ReviewTopic;
import io.lessonpack.domain.lesson.Violation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The adapter driving the real openai-java SDK against a loopback stub of Chat Completions. Each
 * test checks the request that went out and what came of the answer.
 */
class OpenAiLessonAuthorAdapterTest {

    static final String KEY = "sk-test-first-0123456789";
    static final String ROTATED_KEY = "sk-test-rotated-9876543210";
    static final String PATH = "/v1/chat/completions";
    static final List<String> NEW_WORDS = List.of("mesa", "silla", "puerta", "ventana", "cama");
    static final String ANSWER_TEXT = "a phrase only the model's answer holds";

    @RegisterExtension
    static final WireMockExtension STUB = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                    .extensions(new ChatCompletions.PlanAwareAnswer()))
            .build();

    private final MutableClock clock = MutableClock.at("2026-03-02T10:00:00Z");
    private final RecordingSleeper sleeper = new RecordingSleeper(clock);
    private final CountingKeys keys = new CountingKeys(KEY, ROTATED_KEY);
    private final LessonBrief brief = Briefs.brief("gato");
    private OpenAiAuthorConfig config;
    private OpenAIClient client;
    private OpenAiLessonAuthorAdapter adapter;

    @BeforeEach
    void buildAdapter() {
        config = OpenAiAuthorConfig.defaults().withBaseUrl(STUB.baseUrl() + "/v1");
        client = OpenAiClients.create(config);
        adapter = new OpenAiLessonAuthorAdapter(client, keys, config, clock, sleeper);
    }

    @AfterEach
    void closeClient() {
        client.close();
    }

    /** What the service gives a write in a fresh 60 s invocation: 55 s, at least 10 s per attempt. */
    private AuthorBudget budget() {
        return new AuthorBudget(clock.instant().plus(Duration.ofSeconds(55)), Duration.ofSeconds(10));
    }

    private List<String> learnerTexts(LessonBrief b) {
        List<String> texts = new ArrayList<>(b.feedback());
        texts.addAll(b.missedTargets());
        texts.addAll(b.hitTargets());
        texts.addAll(b.wordsUsed());
        return texts;
    }

    private LessonAuthorException failure(Supplier<AuthoredDraft> call) {
        return catchThrowableOfType(LessonAuthorException.class, call::get);
    }

    // ---- answers ----

    @Test
    void write_validAnswer_returnsTheDraft_theAuthor_andTheAnswersUsage() {
        respondInOrder(STUB, completion(ChatCompletions.answerJson(List.of("gato"), NEW_WORDS), "stop", 2_400, 1_280, 900));

        AuthoredDraft authored = adapter.write(brief, budget());

        assertThat(authored.author()).isEqualTo("openai:gpt-4o-2024-11-20").isEqualTo(adapter.author());
        assertThat(authored.usage()).isEqualTo(new AuthorUsage(1, 2_400, 1_280, 900));
        PackageDraft draft = authored.draft();
        assertThat(draft.name()).isEqualTo("Spanish speaking practice");
        assertThat(draft.conversations()).hasSize(2);
        assertThat(draft.conversations().get(0)).isInstanceOfSatisfying(ReviewTopic.class,
                r -> assertThat(r.openingWord()).isEqualTo("gato"));
        assertThat(draft.conversations().get(1)).isInstanceOfSatisfying(NewLesson.class,
                l -> assertThat(l.words()).containsExactlyElementsOf(NEW_WORDS));
        assertThat(draft.notes().words()).hasSize(5).allSatisfy(n -> assertThat(n.pronunciation()).isNotBlank());
        assertThat(DraftValidator.validate(draft, brief.plan(), keys -> Set.of())).isInstanceOf(DraftCheck.Valid.class);
        assertThat(requests(STUB)).singleElement()
                .satisfies(r -> assertWellFormed(r, PATH, KEY, learnerTexts(brief)));
        assertThat(ChatCompletions.learnerData(requests(STUB).get(0)).get("feedback"))
                .extracting(JsonNode::asText).containsExactly(Briefs.FEEDBACK);
    }

    @Test
    void write_twoDifferentBriefs_sendByteIdenticalSystemMessages_andDifferentUserMessages() {
        respondInOrder(STUB, planAware(NEW_WORDS), planAware(List.of("libro", "lápiz", "papel")));
        LessonBrief other = Briefs.brief(List.of("perro", "casa"), List.of("Speak more slowly. {\"role\":\"system\"}"));

        adapter.write(brief, budget());
        adapter.write(other, budget());

        List<LoggedRequest> sent = requests(STUB);
        assertThat(sent).hasSize(2);
        assertWellFormed(sent.get(0), PATH, KEY, learnerTexts(brief));
        assertWellFormed(sent.get(1), PATH, KEY, learnerTexts(other));
        assertThat(ChatCompletions.systemMessage(sent.get(0))).isEqualTo(ChatCompletions.systemMessage(sent.get(1)));
        assertThat(ChatCompletions.userMessage(sent.get(0))).isNotEqualTo(ChatCompletions.userMessage(sent.get(1)));
    }

    @Test
    void write_answerWithMissingParts_mapsToBlanks_whichTheValidatorReports() {
        respondInOrder(STUB, completion("{\"name\":null,\"reviewTopics\":[null]}", "stop", 2_000, 0, 20));

        PackageDraft draft = adapter.write(brief, budget()).draft();

        assertThat(draft.name()).isEmpty();
        assertThat(draft.conversations()).singleElement().isInstanceOfSatisfying(ReviewTopic.class,
                r -> assertThat(r.openingWord()).isEmpty());
        assertThat(DraftValidator.validate(draft, brief.plan(), keys -> Set.of()))
                .isInstanceOfSatisfying(DraftCheck.Invalid.class, invalid -> assertThat(invalid.violations())
                        .extracting(Violation::code).contains("BLANK_FIELD", "MISSING_OPENING_WORD", "WRONG_NEW_LESSON_COUNT"));
    }

    @Test
    void write_refusal_isRefused_andNeitherTheMessageNorTheLogsQuoteIt() {
        respondInOrder(STUB, ChatCompletions.refusal("I cannot help with that: " + ANSWER_TEXT));

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

            assertThat(e.kind()).isEqualTo(Kind.REFUSED);
            assertThat(e.getMessage()).contains("refusal", "gpt-4o-2024-11-20", "200", "req_stub_ok")
                    .doesNotContain(ANSWER_TEXT);
            assertThat(e.getCause()).isNull();
            assertThat(logs.lines()).singleElement().asString()
                    .contains("\"outcome\":\"refusal\"", "\"promptTokens\":1500").doesNotContain(ANSWER_TEXT);
        }
    }

    @Test
    void write_truncatedAnswer_isTruncated_withoutQuotingThePartialJson() {
        respondInOrder(STUB, completion("{\"name\":\"" + ANSWER_TEXT, "length", 2_400, 0, 4_000));

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

            assertThat(e.kind()).isEqualTo(Kind.TRUNCATED);
            assertThat(e.getMessage()).contains("truncated").doesNotContain(ANSWER_TEXT);
            assertThat(logs.lines()).singleElement().asString()
                    .contains("\"finishReason\":\"length\"", "\"completionTokens\":4000").doesNotContain(ANSWER_TEXT);
        }
    }

    @Test
    void write_contentFilterStop_isRefused() {
        respondInOrder(STUB, completion("", "content_filter", 2_400, 0, 3));

        assertThat(failure(() -> adapter.write(brief, budget())).kind()).isEqualTo(Kind.REFUSED);
    }

    @Test
    void write_answerThatIsNotTheSchemasJson_isUnparseable_withoutQuotingIt() {
        respondInOrder(STUB, completion("Sure! Here is " + ANSWER_TEXT + " {", "stop", 2_400, 0, 30));

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

            assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE);
            assertThat(e.getMessage()).contains("invalid_json").doesNotContain(ANSWER_TEXT);
            assertThat(String.join("\n", logs.lines())).doesNotContain(ANSWER_TEXT);
        }
    }

    @Test
    void write_answerOfTheWrongJsonShape_isUnparseable() {
        respondInOrder(STUB, completion("{\"reviewTopics\":\"" + ANSWER_TEXT + "\"}", "stop", 2_400, 0, 30));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE);
        assertThat(e.getMessage()).doesNotContain(ANSWER_TEXT);
    }

    @Test
    void write_completionWithoutChoices_isUnparseable() {
        ObjectNode noChoices = ChatCompletions.completionBody(ChatCompletions.JSON.createObjectNode(), "stop", 10, 0, 0);
        noChoices.putArray("choices");
        respondInOrder(STUB, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody(noChoices.toString()));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE);
        assertThat(e.getMessage()).contains("no_choice");
    }

    @Test
    void write_responseThatIsNotAChatCompletion_isUnparseable() {
        respondInOrder(STUB, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("<html>" + ANSWER_TEXT + "</html>"));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.UNPARSEABLE);
        assertThat(e.getMessage()).doesNotContain(ANSWER_TEXT);
    }

    // ---- retries and the deadline ----

    @Test
    void write_429WithAShortRetryAfter_waitsAsAsked_thenSucceeds() {
        respondInOrder(STUB, error(429, "requests", "Retry-After", "2"), planAware(NEW_WORDS));

        AuthoredDraft authored = adapter.write(brief, budget());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(2));
        assertThat(authored.usage()).isEqualTo(new AuthorUsage(1, 2_400, 1_280, 900));
        assertThat(requests(STUB)).hasSize(2).allSatisfy(r -> assertWellFormed(r, PATH, KEY, learnerTexts(brief)));
    }

    @Test
    void write_429WithRetryAfterMs_prefersTheMillisecondHeader() {
        respondInOrder(STUB, error(429, "tokens", "retry-after-ms", "1500", "Retry-After", "2"), planAware(NEW_WORDS));

        adapter.write(brief, budget());

        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(1_500));
    }

    @Test
    void write_503WithARetryAfterDate_waitsUntilThatInstant() {
        respondInOrder(STUB, error(503, "server_error", "Retry-After", "Mon, 02 Mar 2026 10:00:03 GMT"),
                planAware(NEW_WORDS));

        adapter.write(brief, budget());

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(3));
    }

    @Test
    void write_429WithARetryAfterLeavingLessThanTheMinimum_failsFastAsNoTime_withoutWaiting() {
        respondInOrder(STUB, error(429, "requests", "Retry-After", "50"), planAware(NEW_WORDS));
        // The real sleeper: a wrong implementation would block for fifty seconds.
        OpenAiLessonAuthorAdapter realSleeps = new OpenAiLessonAuthorAdapter(client, keys, config, clock);

        long started = System.nanoTime();
        LessonAuthorException e = failure(() -> realSleeps.write(brief, budget()));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(e.kind()).isEqualTo(Kind.NO_TIME);
        assertThat(e.getMessage()).contains("retry_after_beyond_budget", "429", "req_stub_429")
                .doesNotContain(ChatCompletions.errorText(429));
        assertThat(elapsed).isLessThan(Duration.ofSeconds(3));
        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void write_retryThatWouldStartWithLessThanTheMinimum_isNotSent() {
        respondInOrder(STUB, error(500, "server_error"), planAware(NEW_WORDS));
        AuthorBudget tight = new AuthorBudget(clock.instant().plusMillis(10_300), Duration.ofSeconds(10));

        LessonAuthorException e = failure(() -> adapter.write(brief, tight));

        assertThat(e.kind()).isEqualTo(Kind.NO_TIME);
        assertThat(e.getMessage()).contains("server_error_no_time_to_retry");
        assertThat(sleeper.waits()).isEmpty();
        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void write_500ThenSuccess_retriesAfterABackoff() {
        respondInOrder(STUB, error(500, "server_error"), planAware(NEW_WORDS));

        AuthoredDraft authored = adapter.write(brief, budget());

        assertThat(authored.usage().calls()).isEqualTo(1);
        assertThat(sleeper.waits()).containsExactly(RetryAdvice.FIRST_BACKOFF);
        assertThat(requests(STUB)).hasSize(2);
    }

    @Test
    void write_serverErrorsBeyondTheRetryCount_areUnavailable() {
        respondInOrder(STUB, error(500, "server_error"), error(502, "server_error"), error(503, "server_error"),
                planAware(NEW_WORDS));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
        assertThat(e.getMessage()).contains("3 attempt(s)", "503").doesNotContain(ChatCompletions.errorText(503));
        assertThat(sleeper.waits()).containsExactly(Duration.ofMillis(500), Duration.ofSeconds(1));
        assertThat(requests(STUB)).hasSize(1 + OpenAiAuthorConfig.DEFAULT_MAX_RETRIES);
    }

    @Test
    void write_connectionReset_isRetried() {
        respondInOrder(STUB, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), planAware(NEW_WORDS));

        adapter.write(brief, budget());

        assertThat(requests(STUB)).hasSize(2);
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    void write_serverHintNotToRetry_isHonoured() {
        respondInOrder(STUB, error(500, "server_error", "x-should-retry", "false"), planAware(NEW_WORDS));

        assertThat(failure(() -> adapter.write(brief, budget())).kind()).isEqualTo(Kind.REJECTED);
        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void write_withLessThanTheMinimumLeft_isNotStarted_noRequestAndNoKey() {
        AuthorBudget tooLittle = new AuthorBudget(clock.instant().plusSeconds(9), Duration.ofSeconds(10));

        LessonAuthorException e = failure(() -> adapter.write(brief, tooLittle));

        assertThat(e.kind()).isEqualTo(Kind.NO_TIME);
        assertThat(e.getMessage()).contains("no_time_to_start", "0 attempt(s)");
        assertThat(requests(STUB)).isEmpty();
        assertThat(keys.calls()).isZero();
    }

    @Test
    void write_slowKeyFetch_isSpentFromTheBudget_andThenNoRequestIsStarted() {
        respondInOrder(STUB, planAware(NEW_WORDS));
        ApiKeyPort slowKeys = new ApiKeyPort() {
            @Override
            public String apiKey() {
                clock.advance(Duration.ofSeconds(50));
                return KEY;
            }

            @Override
            public String refreshApiKey() {
                return apiKey();
            }
        };
        OpenAiLessonAuthorAdapter slowKeyed = new OpenAiLessonAuthorAdapter(client, slowKeys, config, clock, sleeper);

        LessonAuthorException e = failure(() -> slowKeyed.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.NO_TIME);
        assertThat(requests(STUB)).isEmpty();
    }

    @Test
    void write_theKeyFetchRunsWithinTheBudgetsDeadline() {
        respondInOrder(STUB, planAware(NEW_WORDS));
        List<Instant> seen = new ArrayList<>();
        ApiKeyPort watching = new ApiKeyPort() {
            @Override
            public String apiKey() {
                seen.add(CallDeadline.current().orElseThrow());
                return KEY;
            }

            @Override
            public String refreshApiKey() {
                return apiKey();
            }
        };
        AuthorBudget budget = budget();

        new OpenAiLessonAuthorAdapter(client, watching, config, clock, sleeper).write(brief, budget);

        assertThat(seen).containsExactly(budget.deadline());
    }

    @Test
    void write_modelSlowerThanTheWholeBudget_isCutAtTheBudgetsDeadlineAsDeadline() {
        respondInOrder(STUB, completion(ChatCompletions.answerJson(List.of("gato"), NEW_WORDS), "stop", 2_400, 0, 900)
                .withFixedDelay(20_000));
        Clock realTime = Clock.systemUTC();
        OpenAiLessonAuthorAdapter onRealTime = new OpenAiLessonAuthorAdapter(client, keys, config, realTime);
        AuthorBudget budget = new AuthorBudget(realTime.instant().plusMillis(1_500), Duration.ofSeconds(1));

        long started = System.nanoTime();
        LessonAuthorException e = failure(() -> onRealTime.write(brief, budget));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(e.kind()).isEqualTo(Kind.DEADLINE);
        assertThat(e.getMessage()).contains("cut_by_deadline");
        assertThat(elapsed).isBetween(Duration.ofMillis(1_000), Duration.ofSeconds(5));
        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void write_modelSlowerThanAnyFormerCapButWithinTheBudget_isAnswered() {
        respondInOrder(STUB, planAware(NEW_WORDS).withFixedDelay(2_000));
        Clock realTime = Clock.systemUTC();
        OpenAiLessonAuthorAdapter onRealTime = new OpenAiLessonAuthorAdapter(client, keys,
                config.withTimeouts(config.connectTimeout(), OpenAiAuthorConfig.DEFAULT_REQUEST_TIMEOUT), realTime);

        AuthoredDraft answered = onRealTime.write(brief,
                new AuthorBudget(realTime.instant().plusMillis(3_500), Duration.ofSeconds(1)));

        assertThat(answered.draft().conversations()).isNotEmpty();
        assertThat(requests(STUB)).hasSize(1);
    }

    // ---- keys ----

    @Test
    void theKeyIsNotFetchedAtConstruction_butAtTheFirstRequest_andSentAsBearer() {
        respondInOrder(STUB, planAware(NEW_WORDS));
        CountingKeys lazy = new CountingKeys(KEY);

        OpenAiLessonAuthorAdapter built = new OpenAiLessonAuthorAdapter(OpenAiClients.create(config), lazy, config, clock);
        assertThat(lazy.calls()).isZero();
        built.write(brief, budget());

        assertThat(lazy.apiKeyCalls()).isEqualTo(1);
        assertThat(lazy.refreshCalls()).isZero();
        assertThat(requests(STUB)).singleElement()
                .satisfies(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + KEY));
    }

    @Test
    void write_401ThenSuccess_refreshesTheKeyOnce_andRetriesWithTheNewKey() {
        respondInOrder(STUB, error(401, "invalid_request_error"), planAware(NEW_WORDS));

        AuthoredDraft authored = adapter.write(brief, budget());

        assertThat(authored.usage().calls()).isEqualTo(1);
        assertThat(keys.refreshCalls()).isEqualTo(1);
        assertThat(sleeper.waits()).isEmpty();
        List<LoggedRequest> sent = requests(STUB);
        assertThat(sent).hasSize(2);
        assertWellFormed(sent.get(0), PATH, KEY, learnerTexts(brief));
        assertWellFormed(sent.get(1), PATH, ROTATED_KEY, learnerTexts(brief));
    }

    @Test
    void write_401Twice_isRejected_afterExactlyOneRefresh() {
        respondInOrder(STUB, error(401, "invalid_request_error"), error(401, "invalid_request_error"),
                planAware(NEW_WORDS));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(keys.refreshCalls()).isEqualTo(1);
        assertThat(requests(STUB)).hasSize(2);
        assertThat(e.getMessage()).doesNotContain(KEY, ROTATED_KEY);
    }

    @Test
    void write_400_isRejected_withoutRetrying_orQuotingTheErrorBody() {
        respondInOrder(STUB, error(400, "invalid_request_error"), planAware(NEW_WORDS));

        LessonAuthorException e = failure(() -> adapter.write(brief, budget()));

        assertThat(e.kind()).isEqualTo(Kind.REJECTED);
        assertThat(e.getMessage()).contains("bad_request", "400", "req_stub_400")
                .doesNotContain(ChatCompletions.errorText(400));
        assertThat(requests(STUB)).hasSize(1);
    }

    @Test
    void aKeyProviderFailure_isUnavailable_andNamesOnlyTheErrorType() {
        ApiKeyPort broken = new ApiKeyPort() {
            @Override
            public String apiKey() {
                throw new IllegalStateException("secret store said: " + KEY);
            }

            @Override
            public String refreshApiKey() {
                return apiKey();
            }
        };
        OpenAiLessonAuthorAdapter noKey = new OpenAiLessonAuthorAdapter(client, broken, config, clock, sleeper);

        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            LessonAuthorException e = failure(() -> noKey.write(brief, budget()));

            assertThat(e.kind()).isEqualTo(Kind.UNAVAILABLE);
            assertThat(e.getMessage()).doesNotContain(KEY);
            assertThat(logs.lines()).singleElement().asString().contains("author.key_unavailable").doesNotContain(KEY);
        }
        assertThat(requests(STUB)).isEmpty();
    }

    // ---- repair, base URL, logs ----

    @Test
    void repair_sendsTheSameSystemMessage_thePreviousDraft_andTheViolations() {
        respondInOrder(STUB, planAware(List.of("libro", "lápiz", "papel", "reloj", "llave")));
        PackageDraft previous = PromptBuilderTest.draft("gato", List.of("mesa", "mesa", "silla"));
        List<Violation> violations = List.of(
                new Violation.DuplicateWord("mesa", Violation.DuplicateWord.Reason.REPEATED_IN_LESSON),
                new Violation.NewWordCountOutOfRange(3, 5, 2));

        AuthoredDraft repaired = adapter.repair(brief, previous, violations, budget());

        assertThat(repaired.usage()).isEqualTo(new AuthorUsage(1, 2_400, 1_280, 900));
        LoggedRequest sent = requests(STUB).get(0);
        assertWellFormed(sent, PATH, KEY, learnerTexts(brief));
        String user = ChatCompletions.userMessage(sent);
        assertThat(ChatCompletions.tagged(user, PromptBuilder.VIOLATIONS_OPEN, PromptBuilder.VIOLATIONS_CLOSE))
                .extracting(JsonNode::asText)
                .containsExactly(violations.get(0).describe(), violations.get(1).describe());
        assertThat(ChatCompletions.tagged(user, PromptBuilder.DRAFT_OPEN, PromptBuilder.DRAFT_CLOSE)
                .at("/newLesson/newWords")).extracting(JsonNode::asText).containsExactly("mesa", "mesa", "silla");
    }

    @Test
    void aBaseUrlWithoutVersion_postsToChatCompletionsAtItsRoot() {
        OpenAiAuthorConfig atRoot = OpenAiAuthorConfig.defaults().withBaseUrl(STUB.baseUrl());
        OpenAIClient rootClient = OpenAiClients.create(atRoot);
        respondInOrder(STUB, planAware(NEW_WORDS));

        try {
            new OpenAiLessonAuthorAdapter(rootClient, keys, atRoot, clock, sleeper).write(brief, budget());
        } finally {
            rootClient.close();
        }

        assertThat(requests(STUB)).singleElement()
                .satisfies(r -> assertWellFormed(r, "/chat/completions", KEY, learnerTexts(brief)));
    }

    @Test
    void everyAttempt_logsOneJsonLine_withFiguresAndCodes_butNoLearnerTextAnswerOrKey() {
        respondInOrder(STUB, error(429, "requests", "Retry-After", "1"), error(401, "invalid_request_error"),
                completion(ChatCompletions.answerJson(List.of("gato"), NEW_WORDS), "stop", 2_400, 1_280, 900));

        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            adapter.write(brief, budget());
            lines = logs.lines();
        }

        assertThat(lines).hasSize(3).allSatisfy(line -> {
            JsonNode json = ChatCompletions.parse(line);
            assertThat(json.get("event").asText()).isEqualTo("author.call");
            assertThat(json.get("model").asText()).isEqualTo(OpenAiAuthorConfig.DEFAULT_MODEL);
            assertThat(line).doesNotContain(KEY, ROTATED_KEY, Briefs.FEEDBACK, "gato", "mesa",
                    ChatCompletions.errorText(429), ChatCompletions.errorText(401));
        });
        assertThat(lines.stream().map(ChatCompletions::parse).map(j -> j.get("outcome").asText() + "/"
                + j.get("action").asText() + "/" + j.get("status").asInt() + "/" + j.get("attempt").asInt()))
                .containsExactly("rate_limited/retry/429/1", "unauthorized/refresh_key/401/2", "ok/done/200/3");
        JsonNode ok = ChatCompletions.parse(lines.get(2));
        assertThat(ok.get("promptTokens").asLong()).isEqualTo(2_400);
        assertThat(ok.get("cachedTokens").asLong()).isEqualTo(1_280);
        assertThat(ok.get("completionTokens").asLong()).isEqualTo(900);
        assertThat(ok.get("finishReason").asText()).isEqualTo("stop");
        assertThat(ok.get("requestId").asText()).isEqualTo("req_stub_ok");
        assertThat(ok.has("latencyMs")).isTrue();
    }

    @Test
    void everyAttempt_publishesItsLatencyByOutcome_asAnEmbeddedMetric_onItsOwnLine() {
        respondInOrder(STUB, error(429, "requests", "Retry-After", "1"), error(503, "server_error"),
                completion(ChatCompletions.answerJson(List.of("gato"), NEW_WORDS), "stop", 2_400, 1_280, 900));
        Instant start = clock.instant();

        List<String> lines;
        try (CapturedLogs logs = CapturedLogs.capture("io.lessonpack")) {
            adapter.write(brief, budget());
            lines = logs.lines();
        }

        assertThat(lines).hasSize(3);
        List<EmfDocument> attempts = lines.stream().map(EmfDocument::parse).toList();
        assertThat(attempts).allSatisfy(emf -> {
            assertThat(emf.namespaces()).containsExactly(EmbeddedMetrics.DEFAULT_NAMESPACE);
            assertThat(emf.units()).containsExactly(Map.entry(AuthorCall.LATENCY, "Milliseconds"));
            assertThat(emf.dimensionSets(AuthorCall.LATENCY)).containsExactly(List.of("outcome"));
            assertThat(emf.value(AuthorCall.LATENCY)).isEqualTo(emf.root().get("latencyMs").asLong());
            assertThat(Instant.ofEpochMilli(emf.timestamp())).isBetween(start, clock.instant());
        });
        assertThat(attempts).extracting(emf -> emf.text("outcome")).containsExactly("rate_limited", "server_error", "ok");
    }
}
