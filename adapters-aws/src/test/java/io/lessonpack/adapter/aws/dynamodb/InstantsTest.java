package io.lessonpack.adapter.aws.dynamodb;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class InstantsTest {

    @Test
    void sortable_isFixedWidthAndParsesBack() {
        assertThat(Instants.sortable(Instant.parse("2026-03-02T09:10:00Z"))).isEqualTo("2026-03-02T09:10:00.000000000Z");
        assertThat(Instants.sortable(Instant.parse("2026-03-02T09:10:00.5Z"))).isEqualTo("2026-03-02T09:10:00.500000000Z");
        assertThat(Instants.parse("2026-03-02T09:10:00.500000000Z")).contains(Instant.parse("2026-03-02T09:10:00.5Z"));
    }

    @Test
    void sortable_ofRandomInstants_sortsAsStringsExactlyAsTheInstantsSort() {
        Random random = new Random(20260302);
        List<Instant> instants = new ArrayList<>();
        Instant base = Instant.parse("2026-03-02T09:10:00Z");
        for (int i = 0; i < 2_000; i++) {
            long nanos = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1_000) * 1_000_000L;
                case 2 -> random.nextInt(1_000_000_000);
                default -> random.nextInt(10) * 100_000_000L;
            };
            instants.add(base.plusSeconds(random.nextInt(3)).plusNanos(nanos));
        }

        List<Instant> byString = instants.stream().sorted(Comparator.comparing(Instants::sortable)).toList();

        assertThat(byString).isEqualTo(instants.stream().sorted().toList());
    }

    @Test
    void parse_acceptsZoneOffsetsAndZonelessUtcAndRefusesTheRest() {
        assertThat(Instants.parse("2026-03-02T10:10:00+01:00")).contains(Instant.parse("2026-03-02T09:10:00Z"));
        assertThat(Instants.parse("2026-03-02T09:10:00.25")).contains(Instant.parse("2026-03-02T09:10:00.25Z"));
        assertThat(Instants.parse("2026-03-02")).isEmpty();
        assertThat(Instants.parse("")).isEmpty();
        assertThat(Instants.parse(null)).isEmpty();
    }

    @Test
    void secondPrefix_isTheSecondWithoutFractionOrZone() {
        assertThat(Instants.secondPrefix(Instant.parse("2026-03-02T09:10:00.999Z"))).isEqualTo("2026-03-02T09:10:00");
    }
}
