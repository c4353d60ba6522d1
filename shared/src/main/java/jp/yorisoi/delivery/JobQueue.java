package jp.yorisoi.delivery;

import java.util.List;

/** The per-reader job queues (one per channel) between fan-out and senders; the SQS adapter is {@code SqsJobQueue}. */
public interface JobQueue {

    /** Enqueues all jobs on their channel's queue (in batches of 10); returns only when every job is accepted. */
    void enqueue(List<DeliveryJob> jobs);
}
