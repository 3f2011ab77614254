package io.lessonpack.bootstrap.local.bench;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.adapter.aws.sqs.BatchResult;
import io.lessonpack.application.port.in.GenerationOutcome;
import io.lessonpack.application.port.out.GenerationRecord;
import io.lessonpack.application.service.GenerationPorts;
import io.lessonpack.application.service.MemoryFitting;
import io.lessonpack.bootstrap.lambda.SdkCallCounter;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.learner.UserId;
import io.lessonpack.domain.memory.Fsrs;
import io.lessonpack.domain.memory.PersonalFit;
import io.lessonpack.domain.memory.Rating;
import io.lessonpack.domain.memory.RecallHistory;
import io.lessonpack.domain.word.Language;
import io.lessonpack.domain.word.WordKey;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What the memory model sees of a lesson, and what a lesson and a refit cost, as a learner's
 * curriculum and its histories grow: for each size a learner is given that many words with a full
 * recall history (as years of practice would leave), then one session goes through the real handler
 * with the model answering at once, and the refit's own work (its bounded read of histories and the
 * fit) is timed on its own. The point is the columns that must not grow: the lesson's DynamoDB calls
 * and items read, and the prompt's size.
 */
final class MemoryGrowthBench {

    private static final Language LANGUAGE = Language.of("es");

    /**
     * One size.
     *
     * @param curriculumWords   words the learner had before the lesson
     * @param recallsStored     recall outcomes their histories held
     * @param lessonCalls       DynamoDB calls of the lesson's invocation
     * @param lessonItemsRead   DynamoDB items those calls returned
     * @param promptBytes       the largest request the model received (the prompt)
     * @param wordsWithEvidence words whose memory the lesson's evidence moved or started
     * @param wordsAdded        words the evidence brought into the curriculum
     * @param refitWordsRead    word histories the refit read
     * @param refitCalls        DynamoDB calls of the refit's read
     * @param refitMs           the refit's read and fit, in milliseconds
     * @param refitOutcome      what the fit chose
     */
    record Size(int curriculumWords, long recallsStored, int lessonCalls, int lessonItemsRead, int promptBytes,
            int wordsWithEvidence, int wordsAdded, int refitWordsRead, int refitCalls, long refitMs,
            String refitOutcome) {
    }

    private final LatencyBench bench;
    private final PrintStream err;

    MemoryGrowthBench(LatencyBench bench, PrintStream err) {
        this.bench = bench;
        this.err = err;
    }

    List<Size> run(List<Integer> sizes) {
        List<Size> results = new ArrayList<>();
        for (int words : sizes) {
            err.printf(Locale.ROOT, "[bench] memory growth: a learner with %d words ...%n", words);
            results.add(measure(words));
        }
        return results;
    }

    private Size measure(int words) {
        GenerationPorts ports = bench.runtime().component().ports();
        String user = bench.learner("memory-" + words);
        UserId userId = UserId.of(user);
        Instant now = Instant.now();
        List<CurriculumEntry> practised = practised(words, LessonDay.of(now).date(), words);
        ports.saver().addAbsentWords(userId, LANGUAGE, practised);
        long recalls = practised.stream().mapToLong(e -> e.history().size()).sum();

        String session = user + "-session";
        Instant endedAt = now.minusSeconds(60);
        bench.seedAnalysis(user, session, endedAt);
        SQSEvent event = LatencyBench.event(List.of(LatencyBench.record(session, user, endedAt, now)));
        bench.model().setDelay(Duration.ZERO);
        bench.model().reset();
        SdkCallCounter.reset();
        BatchResult result = bench.runtime().handler().handle(event, new CountdownContext(Duration.ofSeconds(60)));
        int lessonCalls = SdkCallCounter.calls("DynamoDb");
        int lessonItems = SdkCallCounter.dynamoDbItemsRead();
        if (!(result.items().get(0).outcome() instanceof GenerationOutcome.Generated generated)) {
            throw new IllegalStateException("the memory-growth lesson of " + words + " words ended as "
                    + result.items().get(0).outcome());
        }
        GenerationRecord record = generated.record();

        MemoryFitting fitting = MemoryFitting.defaults();
        SdkCallCounter.reset();
        long started = System.nanoTime();
        List<RecallHistory> histories = ports.curriculum().histories(userId, LANGUAGE, fitting.maxWordsRead());
        PersonalFit.Choice choice = new PersonalFit(fitting.minScoredReviews(), fitting.holdoutShare())
                .choose(histories, null);
        long refitMs = (System.nanoTime() - started) / 1_000_000;
        String outcome = switch (choice) {
            case PersonalFit.Choice.TooLittle t -> "too little (" + t.scoredReviews() + " scored)";
            case PersonalFit.Choice.Judged j -> j.winner().name().toLowerCase(Locale.ROOT) + " (" + j.scoredReviews()
                    + " scored)";
        };
        return new Size(words, recalls, lessonCalls, lessonItems, bench.model().largestRequestBytes(),
                record.wordsWithEvidence(), record.wordsAdded(), histories.size(), SdkCallCounter.calls("DynamoDb"),
                refitMs, outcome);
    }

    /**
     * {@code words} words of a learner who has practised for a year: each with up to
     * {@link RecallHistory#CAP} recall days ending before {@code today}, drawn from the default
     * model's predictions with a fixed seed.
     */
    static List<CurriculumEntry> practised(int words, LocalDate today, long seed) {
        Fsrs fsrs = Fsrs.withDefaults();
        Random random = new Random(seed);
        List<CurriculumEntry> entries = new ArrayList<>(words);
        for (int i = 0; i < words; i++) {
            LocalDate day = today.minusDays(365 + random.nextInt(30));
            String writing = "practicada" + i;
            CurriculumEntry entry = CurriculumEntry.introduced(WordKey.of(LANGUAGE, writing), writing, "", "",
                    new LessonDay(day));
            while (day.isBefore(today) && entry.history().size() < RecallHistory.CAP) {
                LocalDate reviewDay = day;
                boolean recalled = entry.memory().map(m -> random.nextDouble() < fsrs.retrievability(m, reviewDay))
                        .orElse(random.nextInt(3) > 0);
                entry = entry.recordOutcome(fsrs, recalled ? Rating.GOOD : Rating.AGAIN, new LessonDay(day));
                day = day.plusDays(Math.max(1, fsrs.intervalDays(entry.memory().orElseThrow().stability(), 0.9) / 3));
            }
            entries.add(entry);
        }
        return entries;
    }

    /** The sizes as the table's section. */
    static String table(List<Size> sizes) {
        StringBuilder t = new StringBuilder(String.format(Locale.ROOT,
                "%nthe memory model as the curriculum grows (one lesson per size, the model answering at once)%n"));
        String lesson = "%12s%10s%14s%12s%14s%15s%7s%n";
        t.append(String.format(Locale.ROOT, lesson, "curriculum", "recalls", "lesson calls", "items read",
                "prompt bytes", "with evidence", "added"));
        for (Size s : sizes) {
            t.append(String.format(Locale.ROOT, lesson, s.curriculumWords(), s.recallsStored(), s.lessonCalls(),
                    s.lessonItemsRead(), s.promptBytes(), s.wordsWithEvidence(), s.wordsAdded()));
        }
        t.append("refit when due after such a lesson (one bounded read of word histories, then the fit)\n");
        String refit = "%12s%16s%7s%8s  %s%n";
        t.append(String.format(Locale.ROOT, refit, "curriculum", "histories read", "calls", "fit ms", "outcome"));
        for (Size s : sizes) {
            t.append(String.format(Locale.ROOT, refit, s.curriculumWords(), s.refitWordsRead(), s.refitCalls(),
                    s.refitMs(), s.refitOutcome()));
        }
        t.append("(lesson calls and items read: DynamoDB calls of the lesson's invocation and the items they\n"
                + " returned; prompt bytes: the request the model received; with evidence: words whose memory the\n"
                + " lesson's evidence moved or started; added: words the evidence brought into the curriculum)\n");
        return t.toString();
    }

    /** The sizes as JSON. */
    static void json(ArrayNode array, List<Size> sizes) {
        for (Size s : sizes) {
            ObjectNode o = array.addObject();
            o.put("curriculumWords", s.curriculumWords()).put("recallsStored", s.recallsStored())
                    .put("lessonDynamoDbCalls", s.lessonCalls()).put("lessonItemsRead", s.lessonItemsRead())
                    .put("promptBytes", s.promptBytes()).put("wordsWithEvidence", s.wordsWithEvidence())
                    .put("wordsAdded", s.wordsAdded()).put("refitWordsRead", s.refitWordsRead())
                    .put("refitDynamoDbCalls", s.refitCalls()).put("refitMs", s.refitMs())
                    .put("refitOutcome", s.refitOutcome());
        }
    }
}
