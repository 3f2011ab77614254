package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.service.GenerationSettings;
import io.lessonpack.bootstrap.local.chaos.AnalysisWriter.Written;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Invariant 5: every analysis result is used or passed with a logged reason. A lesson's run record
 * only counts the results it consumed, so the check pairs what the service read with where its
 * watermark went: the soak's SDK interceptor notes which results each message attempt's reads of
 * the analysis table returned, and the driver samples {@code lastProcessedAt} after each
 * invocation. A result counts for its own language, or for every language of the learner when it
 * names none. It is accounted for when
 * <ul>
 *   <li><b>used or passed</b>: an attempt in a language it counts for read it, and after that
 *       invocation the language's {@code lastProcessedAt} was at or past its {@code createdAt}
 *       (the lesson consumed it, or a {@code NO_NEW_ANALYSIS} skip moved over it); or</li>
 *   <li><b>passed with a logged reason</b>: a log line names its {@code analysisId} with a reason
 *       ({@code analysis.result_passed} for one the service cannot use); or</li>
 *   <li><b>still waiting</b>: for a language it counts for, {@code lastProcessedAt} is unset or
 *       before its {@code createdAt} at the end, or it lies within the look-back before the final
 *       {@code lastProcessedAt} and no attempt in that language read the table after it was
 *       written, so a later lesson reads it.</li>
 * </ul>
 * It is lost otherwise (the watermark moved past it while no attempt read it: written late with
 * an older {@code createdAt}, or behind a watermark that jumped into the future). Also broken: a
 * result that cannot be read (no instant in {@code createdAt}, a tag lessonpack cannot parse) that
 * an attempt read without a logged reason, and a result dated after the soak's end that an attempt
 * read and neither consumed nor logged.
 *
 * <p>Limits: "read" means the table's answer held it, not that the lesson's evidence used it; the
 * watermark is sampled after each invocation, so two moves within one invocation look like one.
 */
final class AnalysisAccounting {

    /** How far before the watermark the service reads: the soak runs it with the default settings. */
    private static final Duration LOOK_BACK = GenerationSettings.defaults().analysisReading().lookBack();

    private AnalysisAccounting() {
    }

    static InvariantResult check(SoakFacts facts) {
        InvariantResult.Builder result = new InvariantResult.Builder(5,
                "every analysis result used or passed with a logged reason");
        Set<String> logged = facts.log().analysisIdsWithReason();
        Map<String, Set<String>> languages = new HashMap<>();
        facts.history().watermarks().keySet().forEach(key -> {
            String[] parts = key.split(" ", 2);
            languages.computeIfAbsent(parts[0], k -> new HashSet<>()).add(parts[1]);
        });
        for (Written r : facts.analyses()) {
            if (logged.contains(r.analysisId())) {
                continue;
            }
            boolean readableTag = r.tag().map(t -> Language.parse(t).isPresent()).orElse(true);
            Set<String> relevant = r.tag().filter(t -> readableTag).map(t -> Set.of(TableReader.code(t)))
                    .orElseGet(() -> languages.getOrDefault(r.userId(), Set.of()));
            String what = r.analysisId() + " of " + r.userId() + " (" + r.variant().label() + ", createdAt "
                    + r.createdAt() + ", written " + r.writtenAt() + ")";
            Optional<SoakHistory.Read> read = firstRead(facts, r);
            if (r.createdAtInstant().isEmpty() || !readableTag) {
                read.ifPresent(x -> result.violation(what + ": read in invocation " + x.invocation()
                        + " and never logged with a reason"));
                continue;
            }
            Instant createdAt = r.createdAtInstant().get();
            boolean used = false;
            boolean waiting = relevant.isEmpty();
            String passedBy = null;
            for (String code : relevant) {
                List<SoakHistory.Watermark> samples = facts.history().watermarks()
                        .getOrDefault(r.userId() + " " + code, List.of());
                Optional<Instant> last = samples.isEmpty() ? Optional.empty()
                        : samples.get(samples.size() - 1).value().flatMap(TableReader::instant);
                if (last.isEmpty() || last.get().isBefore(createdAt)
                        || !createdAt.isBefore(last.get().minus(LOOK_BACK)) && noReadSince(facts, r, code)) {
                    waiting = true;
                }
                for (SoakHistory.Read x : facts.history().reads()) {
                    if (x.userId().equals(r.userId()) && x.code().equals(code) && x.analysisIds().contains(r.analysisId())
                            && watermarkAfter(samples, x.invocation()).filter(v -> !v.isBefore(createdAt)).isPresent()) {
                        used = true;
                    }
                }
                if (passedBy == null) {
                    passedBy = samples.stream().filter(w -> w.value().flatMap(TableReader::instant)
                                    .filter(v -> !v.isBefore(createdAt)).isPresent()).findFirst()
                            .map(w -> code + "'s lastProcessedAt reached " + w.value().orElse("?") + " in invocation "
                                    + w.invocation() + " at " + w.invocationStart())
                            .orElse(null);
                }
            }
            if (!used && !waiting) {
                result.violation(what + ": never read; " + passedBy);
            } else if (!used && createdAt.isAfter(facts.end())) {
                facts.history().reads().stream().filter(x -> x.userId().equals(r.userId()) && relevant.contains(x.code())
                                && x.analysisIds().contains(r.analysisId())).findFirst()
                        .ifPresent(x -> result.violation(what + ": dated after the soak's end, read for a lesson in "
                                + x.code() + " in invocation " + x.invocation()
                                + ", neither used nor passed with a logged reason"));
            }
        }
        return result.build();
    }

    /** Whether no attempt in {@code code} read the learner's results after {@code r} was written. */
    private static boolean noReadSince(SoakFacts facts, Written r, String code) {
        return facts.history().reads().stream().noneMatch(x -> x.userId().equals(r.userId()) && x.code().equals(code)
                && x.at().isAfter(r.writtenAt()));
    }

    /** The first attempt whose reads returned the result. */
    private static Optional<SoakHistory.Read> firstRead(SoakFacts facts, Written r) {
        return facts.history().reads().stream()
                .filter(x -> x.userId().equals(r.userId()) && x.analysisIds().contains(r.analysisId()))
                .findFirst();
    }

    /** The watermark sampled after invocation {@code number}, when that invocation touched it. */
    private static Optional<Instant> watermarkAfter(List<SoakHistory.Watermark> samples, int number) {
        return samples.stream().filter(w -> w.invocation() == number).findFirst().flatMap(w -> w.value()
                .flatMap(TableReader::instant));
    }
}
