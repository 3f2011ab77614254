package io.lessonpack.bootstrap.local.chaos;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.AnalysisWrite;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Learner;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.MessageKind;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Send;
import io.lessonpack.bootstrap.local.chaos.SoakScenario.Session;
import io.lessonpack.domain.word.Language;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Draws a {@link SoakScenario} from the run's random source. Learners practise one or two of the
 * languages the offline author behind the model stand-in can write (Spanish, French, Japanese, some
 * with a region); a quarter share a message group with others; about one in eight has a package of
 * the original service's shape. Each day a learner has 0-3 sessions at any time of the day, and
 * some end in the last ten seconds of it (at least one learner a day does).
 */
final class ScenarioGenerator {

    private static final List<String> TAGS = List.of("es", "es-MX", "fr", "fr-CA", "ja");
    private static final List<String> FOREIGN_TAGS = List.of("de", "it", "pt-BR");
    private static final List<String> UNREADABLE_TAGS = List.of("yue", "fil");
    private static final List<String> NOT_INSTANTS = List.of("yesterday", "not-a-date", "unknown");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Random random;
    private int sessionCount;
    private int messageCount;
    private int analysisCount;

    ScenarioGenerator(Random random) {
        this.random = random;
    }

    SoakScenario generate(int users, int days, LocalDate firstDay) {
        List<Learner> learners = learners(users);
        List<Session> sessions = new ArrayList<>();
        for (int day = 0; day < days; day++) {
            sessions.addAll(sessionsOn(day, firstDay.plusDays(day), learners));
        }
        sessions.sort(Comparator.comparing(Session::endedAt));
        List<Send> sends = new ArrayList<>();
        List<AnalysisWrite> analyses = new ArrayList<>();
        for (Session session : sessions) {
            sends.addAll(messagesOf(session));
            analysisOf(session).ifPresent(analyses::add);
        }
        sends.sort(Comparator.comparing(Send::at));
        analyses.sort(Comparator.comparing(AnalysisWrite::at));
        return new SoakScenario(firstDay, days, learners, sessions, sends, analyses);
    }

    private List<Learner> learners(int users) {
        int sharedGroups = Math.max(1, users / 8);
        int width = String.valueOf(users).length();
        List<Learner> learners = new ArrayList<>();
        for (int i = 1; i <= users; i++) {
            String userId = "learner-" + String.format("%0" + width + "d", i);
            List<String> tags = new ArrayList<>();
            tags.add(pick(TAGS));
            if (random.nextDouble() < 0.35) {
                String second = pick(TAGS);
                if (!Language.of(second).code().equals(Language.of(tags.get(0)).code())) {
                    tags.add(second);
                }
            }
            String group = random.nextDouble() < 0.25 ? "group-shared-" + (1 + random.nextInt(sharedGroups))
                    : Learner.ownGroup(userId);
            boolean legacy = random.nextDouble() < 0.125 || (i == 3 && learners.stream().noneMatch(l -> l.legacyTag().isPresent()));
            learners.add(new Learner(userId, tags, group, legacy ? pick(tags) : null));
        }
        return learners;
    }

    private List<Session> sessionsOn(int day, LocalDate date, List<Learner> learners) {
        List<Session> sessions = new ArrayList<>();
        Instant start = date.atStartOfDay(ZoneOffset.UTC).toInstant();
        boolean anyAtMidnight = false;
        for (Learner learner : learners) {
            double draw = random.nextDouble();
            int count = draw < 0.15 ? 0 : draw < 0.70 ? 1 : draw < 0.95 ? 2 : 3;
            for (int k = 0; k < count; k++) {
                Instant endedAt = start.plusMillis(random.nextLong(Duration.ofDays(1).toMillis() - 60_000));
                sessions.add(session(learner, endedAt, day, false));
            }
            if (random.nextDouble() < 0.06) {
                sessions.add(session(learner, lastSeconds(start), day, true));
                anyAtMidnight = true;
            }
        }
        if (!anyAtMidnight && !learners.isEmpty()) {
            sessions.add(session(pick(learners), lastSeconds(start), day, true));
        }
        return sessions;
    }

    private Instant lastSeconds(Instant dayStart) {
        return dayStart.plus(Duration.ofDays(1)).minusMillis(100 + random.nextInt(9_900));
    }

    private Session session(Learner learner, Instant endedAt, int day, boolean dayBoundary) {
        String id = "session-" + String.format("%05d", ++sessionCount);
        AnalysisVariant variant = AnalysisVariant.at(random.nextInt(AnalysisVariant.totalWeight()));
        return new Session(id, learner, pick(learner.languageTags()), endedAt, day, dayBoundary, variant);
    }

    private List<Send> messagesOf(Session session) {
        List<Send> sends = new ArrayList<>();
        String group = session.learner().groupId();
        boolean late = random.nextDouble() < 0.05;
        Instant at = late ? session.endedAt().plus(Duration.ofMinutes(60 + random.nextInt(11 * 60)))
                : session.endedAt().plusMillis(1_000 + random.nextInt(4_000));
        boolean untrustedTime = random.nextDouble() < 0.04;
        String body = untrustedTime ? body(session, UNBELIEVABLE_CREATED_AT[random.nextInt(UNBELIEVABLE_CREATED_AT.length)])
                : body(session, random.nextDouble() < 0.9 ? session.endedAt().toString() : null);
        MessageKind kind = untrustedTime ? MessageKind.UNTRUSTED_TIME : late ? MessageKind.LATE : MessageKind.SESSION;
        sends.add(new Send(at, nextMessageId(), group, body, kind, session));
        double duplicate = random.nextDouble();
        if (duplicate < 0.12) {
            Duration after = duplicate < 0.02 ? Duration.ofMinutes(20 * 60 + random.nextInt(10 * 60))
                    : Duration.ofSeconds(random.nextInt(20 * 60));
            sends.add(new Send(at.plus(after), nextMessageId(), group, body, MessageKind.DUPLICATE, session));
        }
        if (random.nextDouble() < 0.03) {
            sends.add(new Send(at.plusSeconds(1), nextMessageId(), group, poisonBody(session), MessageKind.INVALID,
                    null));
        }
        return sends;
    }

    /** createdAt values an app with a broken clock or a bug might send; the session's message stays valid. */
    private static final String[] UNBELIEVABLE_CREATED_AT = {"+1000000000-12-31T23:59:59Z", "2099-01-01T00:00:00Z",
        "yesterday", "2025-01-01T00:00:00Z"};

    private String nextMessageId() {
        return "message-" + String.format("%05d", ++messageCount);
    }

    /** The session's message body, with {@code createdAt} as given (none when null). */
    private static String body(Session session, String createdAt) {
        ObjectNode body = JSON.createObjectNode().put("sessionId", session.sessionId())
                .put("userId", session.learner().userId()).put("targetLanguage", session.languageTag());
        if (createdAt != null) {
            body.put("createdAt", createdAt);
        }
        return body.toString();
    }

    private String poisonBody(Session session) {
        String user = session.learner().userId();
        return switch (random.nextInt(4)) {
            case 0 -> "{\"sessionId\":\"" + session.sessionId() + "-poison\",\"targetLanguage\":\"es\"}";
            case 1 -> "{\"sessionId\":\"" + session.sessionId() + "-poison\",\"userId\":\"" + user + "\",";
            case 2 -> "{\"sessionId\":\"" + session.sessionId() + "-poison\",\"userId\":\"" + user
                    + "\",\"targetLanguage\":\"klingon\"}";
            default -> "{\"sessionId\":\"" + session.sessionId() + "-poison\",\"userId\":42,\"targetLanguage\":\"es\"}";
        };
    }

    private Optional<AnalysisWrite> analysisOf(Session session) {
        AnalysisVariant variant = session.analysis();
        if (variant == AnalysisVariant.MISSING) {
            return Optional.empty();
        }
        Instant ended = session.endedAt();
        Instant at = switch (variant) {
            case EARLY -> ended.plusMillis(random.nextInt(900));
            case LATE -> ended.plusSeconds(180 + random.nextInt(11 * 60));
            case BACKDATED -> ended.plusSeconds(20 * 60 + random.nextInt(30 * 3600 - 20 * 60));
            default -> ended.plusSeconds(20 + random.nextInt(71));
        };
        Optional<Instant> createdAt = switch (variant) {
            case BACKDATED -> Optional.of(ended.plusSeconds(30));
            case FUTURE_YEAR -> Optional.of(at.plus(Duration.ofDays(365)));
            case FUTURE_MINUTES -> Optional.of(at.plusSeconds(120 + random.nextInt(480)));
            case UNPARSEABLE_CREATED_AT -> Optional.empty();
            default -> Optional.of(at);
        };
        String createdAtText = createdAt.map(Instant::toString)
                .orElseGet(() -> pick(NOT_INSTANTS) + "-" + (analysisCount + 1));
        Optional<String> tag = switch (variant) {
            case UNKNOWN_LANGUAGE -> Optional.of(pick(UNREADABLE_TAGS));
            case NO_LANGUAGE -> Optional.empty();
            case OTHER_LANGUAGE -> Optional.of(otherLanguage(session));
            default -> Optional.of(session.languageTag());
        };
        String id = "analysis-" + String.format("%05d", ++analysisCount);
        return Optional.of(new AnalysisWrite(at, id, session, variant, createdAtText, createdAt.orElse(null),
                tag.orElse(null), variant != AnalysisVariant.NO_SESSION_ID));
    }

    private String otherLanguage(Session session) {
        String code = Language.of(session.languageTag()).code();
        Set<String> others = new HashSet<>();
        session.learner().languageTags().stream().filter(t -> !Language.of(t).code().equals(code)).forEach(others::add);
        return others.isEmpty() ? pick(FOREIGN_TAGS) : others.stream().sorted().findFirst().orElseThrow();
    }

    private <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }
}
