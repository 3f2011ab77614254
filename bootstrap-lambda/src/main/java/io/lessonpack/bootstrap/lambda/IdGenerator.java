package io.lessonpack.bootstrap.lambda;

import java.util.UUID;
import java.util.function.Supplier;

/** Where new ids (claim tokens, package ids) come from: random UUIDs, drawn per call. */
@FunctionalInterface
public interface IdGenerator extends Supplier<String> {

    /** Random UUIDs, drawn at call time (never during a SnapStart init). */
    static IdGenerator randomUuids() {
        return () -> UUID.randomUUID().toString();
    }
}
