package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.out.PackageGeneratedEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Everything a finished soak knows, for the invariants and the report: what it played, what the
 * driver saw, the queue's end state, what the tables and the published events hold, and the log.
 *
 * @param runRecords the state table's {@code RUN#} items at the end
 * @param packages   the packages table's items at the end
 * @param start      the first simulated instant
 * @param end        the last simulated instant
 * @param stopper    the bound that stopped the soak before the queue drained; null when the queue
 *                   drained ({@link #stoppedBy()} reads it as an {@code Optional})
 * @param realTime   how long the simulation took in real time (DynamoDB Local's start not included)
 */
record SoakFacts(ChaosOptions options, SoakScenario scenario, SoakHistory history, SimulatedFifoQueue queue,
        List<AnalysisWriter.Written> analyses, List<LegacyPackages.Legacy> legacy, List<PackageGeneratedEvent> events,
        List<Map<String, AttributeValue>> runRecords, List<Map<String, AttributeValue>> packages, LogLines log,
        Instant start, Instant end, String stopper, Duration realTime, Path logFile) {

    /** The bound that stopped the soak before the queue drained; empty when the queue drained. */
    Optional<String> stoppedBy() {
        return Optional.ofNullable(stopper);
    }
}
