package io.lessonpack.adapter.aws.dynamodb;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * The one Jackson mapper of this package: unknown properties are ignored (a newer writer may add
 * fields), nulls are left out. Failures become {@link IllegalArgumentException}s whose message
 * names the kind of document and the Jackson exception's type, never the JSON (it holds learner text).
 */
final class JsonCodec {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL, JsonInclude.Include.NON_NULL))
            .build();

    private JsonCodec() {
    }

    static String write(Object dto, String what) {
        try {
            return MAPPER.writeValueAsString(dto);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("could not write " + what + " as JSON: " + e.getClass().getSimpleName());
        }
    }

    static <T> T read(String json, Class<T> type, String what) {
        if (json == null) {
            throw new IllegalArgumentException(what + " is missing");
        }
        try {
            T value = MAPPER.readValue(json, type);
            if (value == null) {
                throw new IllegalArgumentException(what + " is JSON null");
            }
            return value;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(what + " is not valid JSON of its kind: " + e.getClass().getSimpleName());
        }
    }
}
