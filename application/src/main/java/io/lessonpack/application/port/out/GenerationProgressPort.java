package io.lessonpack.application.port.out;

/**
 * Hears each step of a generation as it happens, for a driving side that shows progress (a model
 * call takes 10 to 30 seconds). Steps carry ids, codes and figures only, never learner text. A
 * listener must be quick and must not throw: it runs on the generation's thread, and a failure in
 * it is logged and ignored.
 */
@FunctionalInterface
public interface GenerationProgressPort {

    void step(ProgressStep step);

    /** A listener that hears nothing: the Lambda has no one watching. */
    static GenerationProgressPort none() {
        return step -> {
        };
    }
}
