package jp.yorisoi.delivery.fakes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.JobQueue;

public final class ListJobQueue implements JobQueue {

    private final List<DeliveryJob> jobs = new CopyOnWriteArrayList<>();

    @Override
    public void enqueue(List<DeliveryJob> batch) {
        jobs.addAll(batch);
    }

    public List<DeliveryJob> jobs() {
        return List.copyOf(jobs);
    }
}
