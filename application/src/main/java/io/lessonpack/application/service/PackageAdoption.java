package io.lessonpack.application.service;

import io.lessonpack.application.logging.LogEvent;
import io.lessonpack.application.port.in.GenerateDailyPackageCommand;
import io.lessonpack.application.port.out.LoadCurriculumPort;
import io.lessonpack.application.port.out.SaveGenerationPort;
import io.lessonpack.application.port.out.StoredPackage;
import io.lessonpack.domain.curriculum.CurriculumEntry;
import io.lessonpack.domain.daily.LessonDay;
import io.lessonpack.domain.lesson.ForeignPackage;
import io.lessonpack.domain.word.WordKey;
import java.lang.System.Logger;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Takes over a package the original service wrote. Before the lesson that turns it into a current
 * package is planned, its words join the learner's curriculum (those not in it yet), so the review
 * selection knows them and the draft check refuses them as new words. The write is made under the
 * day's claim and is safe to repeat: an attempt that fails afterwards leaves the words in place, and
 * the next finds nothing left to add. The package itself is adopted by the lesson's commit.
 */
final class PackageAdoption {

    private static final Logger LOG = System.getLogger(PackageAdoption.class.getName());

    private final LoadCurriculumPort curriculum;
    private final SaveGenerationPort saver;

    PackageAdoption(LoadCurriculumPort curriculum, SaveGenerationPort saver) {
        this.curriculum = Objects.requireNonNull(curriculum, "curriculum");
        this.saver = Objects.requireNonNull(saver, "saver");
    }

    /**
     * Adds a foreign package's words to the curriculum; does nothing for a current package or none
     * ({@code existing} null).
     */
    void adoptWords(GenerateDailyPackageCommand command, StoredPackage existing, LessonDay today) {
        if (!(existing instanceof StoredPackage.Foreign foreign)) {
            return;
        }
        ForeignPackage pkg = foreign.foreignPackage();
        List<CurriculumEntry> entries = pkg.curriculumEntries(today);
        Set<WordKey> keys = entries.stream().map(CurriculumEntry::key).collect(Collectors.toCollection(LinkedHashSet::new));
        Set<WordKey> present = keys.isEmpty() ? Set.of() : curriculum.existingKeys(command.userId(), command.language(), keys);
        List<CurriculumEntry> absent = entries.stream().filter(e -> !present.contains(e.key())).toList();
        int added = absent.isEmpty() ? 0 : saver.addAbsentWords(command.userId(), command.language(), absent);
        LogEvent.of("package.adopting").with("sessionId", command.sessionId()).with("userId", command.userId())
                .with("language", command.language()).with("packageId", pkg.id()).with("words", entries.size())
                .with("wordsAdded", added).info(LOG);
    }
}
