package io.lessonpack.bootstrap.lambda;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Invokes the function once, outside Lambda, exactly as Lambda would: the public no-argument
 * {@link VoiceSessionHandler} constructor wires everything from the process environment, then one
 * SQS event (a JSON file in Lambda's format) is handled and the batch response printed as JSON.
 * With the SDK's endpoint variables it runs the deployable artifact against local stand-ins:
 *
 * <pre>
 * java -cp bootstrap-lambda/target/lessonpack-lambda.jar io.lessonpack.bootstrap.lambda.LocalInvoke event.json
 * </pre>
 *
 * Exit code 0 when no message failed, 1 when some did, 2 when the event file is unusable.
 */
public final class LocalInvoke {

    private LocalInvoke() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: LocalInvoke SQS-EVENT.json");
            System.exit(2);
        }
        SQSEvent event;
        try {
            event = read(Path.of(args[0]));
        } catch (IOException | RuntimeException e) {
            System.err.println("LocalInvoke: cannot read the SQS event " + args[0] + ": " + e.getClass().getSimpleName());
            System.exit(2);
            return;
        }
        SQSBatchResponse response = new VoiceSessionHandler().handleRequest(event, null);
        List<String> failed = response.getBatchItemFailures().stream()
                .map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        ObjectMapper json = new ObjectMapper();
        Map<String, Object> out = Map.of("batchItemFailures",
                failed.stream().map(id -> Map.of("itemIdentifier", id)).toList());
        System.out.println(json.writeValueAsString(out));
        System.exit(failed.isEmpty() ? 0 : 1);
    }

    /** Reads an SQS event in the JSON shape Lambda delivers ({@code Records[]}). */
    static SQSEvent read(Path file) throws IOException {
        JsonNode root = new ObjectMapper().readTree(Files.readString(file));
        List<SQSEvent.SQSMessage> records = new ArrayList<>();
        for (JsonNode r : root.path("Records")) {
            SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
            m.setMessageId(r.path("messageId").asText(null));
            m.setReceiptHandle(r.path("receiptHandle").asText(null));
            m.setBody(r.path("body").asText(null));
            m.setEventSource(r.path("eventSource").asText(null));
            m.setEventSourceArn(r.path("eventSourceARN").asText(null));
            Map<String, String> attributes = new HashMap<>();
            r.path("attributes").properties().forEach(e -> attributes.put(e.getKey(), e.getValue().asText()));
            m.setAttributes(attributes);
            records.add(m);
        }
        SQSEvent event = new SQSEvent();
        event.setRecords(records);
        return event;
    }
}
