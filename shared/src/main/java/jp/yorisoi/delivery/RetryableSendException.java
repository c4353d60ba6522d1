package jp.yorisoi.delivery;

/** A send that failed in a way worth trying again later (throttling, server error, time-out). */
public class RetryableSendException extends RuntimeException {
    public RetryableSendException(String message, Throwable cause) {
        super(message, cause);
    }
}
