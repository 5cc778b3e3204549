package dev.mixtape.app.server;

/** An HTTP answer other than 200, with Spotify's error body. Only the HTTP edge throws it. */
public class ApiException extends RuntimeException {
    private final int status;

    public ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
