package jp.yorisoi.delivery;

/** Counters the delivery path reports (CloudWatch EMF in the functions); names are the metric names. */
@FunctionalInterface
public interface DeliveryMetrics {

    DeliveryMetrics NONE = name -> {};

    /** Jobs whose body could never be processed and were dropped. */
    String MALFORMED_JOB = "MalformedJob";
    /** E-mail sends that may or may not have happened (crash between SES and the ledger): not retried. */
    String MAIL_IN_DOUBT = "MailInDoubt";
    /** E-mails SES refused for good (not throttling): nothing sent, the claim released with SES's reason. */
    String MAIL_REJECTED = "MailRejected";
    /** LINE pushes left SENDING longer than LINE keeps the retry key: marked in doubt, not pushed again. */
    String SENDING_IN_DOUBT = "SendingInDoubt";
    /** A town's LINE channel reached its monthly message limit: once per town and delivery day. */
    String LINE_MONTHLY_LIMIT = "LineMonthlyLimit";
    /** Every 429 rate-limit answer from LINE (each one is backed off and retried). */
    String LINE_RATE_LIMITED = "LineRateLimited";
    /** A broadcast multicast that LINE refused for its recipients or at the monthly limit: its readers got nothing. */
    String BROADCAST_FAILED = "BroadcastFailed";
    /** Jobs whose reader was erased after the fan-out: nothing sent, nothing recorded. */
    String READER_GONE = "ReaderGone";
    String SENT = "Sent";
    String ALREADY_DONE = "AlreadyDone";
    String SKIPPED = "Skipped";
    String UNREACHABLE = "Unreachable";
    String NOTHING_TO_SEND = "NothingToSend";
    String RETRYABLE_FAILURE = "RetryableFailure";

    void count(String name);
}
