package io.lessonpack.bootstrap.local.serve;

/**
 * A request this server refuses, answered as {@code {"error": reason}} with the status. The reason
 * is our own words about what is wrong; it never quotes the request.
 */
final class HttpProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;

    HttpProblem(int status, String reason) {
        super(reason);
        this.status = status;
    }

    int status() {
        return status;
    }

    static HttpProblem badRequest(String reason) {
        return new HttpProblem(400, reason);
    }

    static HttpProblem notFound(String reason) {
        return new HttpProblem(404, reason);
    }
}
