package jp.yorisoi.delivery;

/** Counters the delivery path reports (CloudWatch EMF in the functions); names are the metric names. */
@FunctionalInterface
public interface DeliveryMetrics {

    DeliveryMetrics NONE = name -> {};

    /** Jobs whose body could never be processed and were dropped. */
    String MALFORMED_JOB = "MalformedJob";
    /** E-mail sends that may or may not have happened (crash between SES and the ledger): not retried. */
    String MAIL_IN_DOUBT = "MailInDoubt";
    String SENT = "Sent";
    String ALREADY_DONE = "AlreadyDone";
    String SKIPPED = "Skipped";
    String UNREACHABLE = "Unreachable";
    String NOTHING_TO_SEND = "NothingToSend";
    String RETRYABLE_FAILURE = "RetryableFailure";

    void count(String name);
}
