package io.lessonpack.application.port.out;

/**
 * Provides the lesson author's API key (the OpenAI key in production). Implementations cache the
 * key and fetch it lazily, never at start-up (SnapStart snapshots must hold no secret), and never
 * log it.
 */
public interface ApiKeyPort {

    /** The current key, from the cache when it is fresh. */
    String apiKey();

    /**
     * Fetches the key again, bypassing the cache, and returns it: for a 401 after a rotation.
     * Callers refresh at most once per request.
     */
    String refreshApiKey();
}
