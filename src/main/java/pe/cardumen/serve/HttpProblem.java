package pe.cardumen.serve;

/** A request the server refuses, with the HTTP status and a one-line reason for the caller. */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;

    HttpProblem(int status, String reason) {
        super(reason);
        this.status = status;
    }

    static HttpProblem badRequest(String reason) {
        return new HttpProblem(400, reason);
    }

    static HttpProblem notFound(String reason) {
        return new HttpProblem(404, reason);
    }
}
