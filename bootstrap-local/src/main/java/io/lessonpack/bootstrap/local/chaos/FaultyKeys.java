package io.lessonpack.bootstrap.local.chaos;

import io.lessonpack.application.port.out.ApiKeyPort;
import io.lessonpack.application.port.out.ApiKeyUnavailableException;
import java.util.Objects;
import java.util.Optional;

/**
 * Wraps the OpenAI adapter's key source, which plays Secrets Manager's part: the local runtime has
 * no Secrets Manager (it reads {@code OPENAI_API_KEY}), so its errors are injected here, where the
 * adapter fetches the key, as the retryable {@link ApiKeyUnavailableException} the Secrets Manager
 * adapter throws for a throttled or failed {@code GetSecretValue}. When the lane's current model
 * request is scripted, the key handed out is the script's token ({@link ModelScripts}).
 */
final class FaultyKeys implements ApiKeyPort {

    private final ApiKeyPort inner;

    FaultyKeys(ApiKeyPort inner) {
        this.inner = Objects.requireNonNull(inner, "inner");
    }

    @Override
    public String apiKey() {
        return fetch(false);
    }

    @Override
    public String refreshApiKey() {
        return fetch(true);
    }

    private String fetch(boolean refresh) {
        Optional<Lane> bound = Lanes.current();
        if (bound.isEmpty()) {
            return refresh ? inner.refreshApiKey() : inner.apiKey();
        }
        Lane lane = bound.get();
        Lane.Fate fate = lane.enter(CallKind.API_KEY, "GetSecretValue");
        switch (fate) {
            case FAIL -> throw unavailable("the process died (chaos soak)");
            case INJECT -> throw unavailable("InternalServiceError (chaos soak)");
            default -> {
            }
        }
        String key = lane.modelToken().orElseGet(() -> refresh ? inner.refreshApiKey() : inner.apiKey());
        if (fate == Lane.Fate.DIE_AFTER) {
            lane.die();
            throw unavailable("the process died (chaos soak) before the answer arrived");
        }
        return key;
    }

    private static ApiKeyUnavailableException unavailable(String why) {
        return new ApiKeyUnavailableException("Secrets Manager GetSecretValue failed: " + why, true, null);
    }

    @Override
    public String toString() {
        return "chaos soak key source around " + inner;
    }
}
