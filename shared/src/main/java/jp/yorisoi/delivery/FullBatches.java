package jp.yorisoi.delivery;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import jp.yorisoi.reader.Channel;

/**
 * One town's jobs from all its segments, enqueued in full batches of ten per channel (SendMessageBatch takes at
 * most ten entries): a town's readers are spread over 16 segments, and sending each segment's page on its own
 * would cost a small town one call per segment instead of one per ten readers. At most nine jobs per channel
 * wait for {@link #flush()}; a full batch leaves at once, from the segment's own thread.
 */
final class FullBatches {

    static final int SIZE = SqsJobQueue.BATCH_SIZE;

    private final JobQueue queue;
    private final Map<Channel, List<DeliveryJob>> waiting = new EnumMap<>(Channel.class);

    FullBatches(JobQueue queue) {
        this.queue = queue;
    }

    /** Enqueues every full batch these jobs complete; keeps the rest for the next page or {@link #flush()}. */
    void add(List<DeliveryJob> jobs) {
        List<DeliveryJob> full = new ArrayList<>();
        synchronized (this) {
            for (DeliveryJob job : jobs) {
                List<DeliveryJob> channel = waiting.computeIfAbsent(job.channel(), c -> new ArrayList<>());
                channel.add(job);
                if (channel.size() == SIZE) {
                    full.addAll(channel);
                    channel.clear();
                }
            }
        }
        if (!full.isEmpty()) {
            queue.enqueue(full);
        }
    }

    /** Enqueues what is left: at most one short batch per channel. */
    void flush() {
        List<DeliveryJob> rest = new ArrayList<>();
        synchronized (this) {
            waiting.values().forEach(rest::addAll);
            waiting.clear();
        }
        if (!rest.isEmpty()) {
            queue.enqueue(rest);
        }
    }
}
