package dev.nn.app.serve;

/** A request the server refuses, with the 4xx status and the one-line reason sent back as JSON. */
final class HttpError extends RuntimeException {

    private final int status;

    HttpError(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
