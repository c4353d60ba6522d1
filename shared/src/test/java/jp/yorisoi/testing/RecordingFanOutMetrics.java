package jp.yorisoi.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jp.yorisoi.delivery.FanOutMetrics;

/** The fan-out's metric values as they were reported, by name, in order. */
public final class RecordingFanOutMetrics implements FanOutMetrics {

    private final Map<String, List<Integer>> values = new ConcurrentHashMap<>();

    @Override
    public synchronized void add(String name, int value) {
        values.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
    }

    public synchronized List<Integer> values(String name) {
        return List.copyOf(values.getOrDefault(name, List.of()));
    }

    public synchronized void clear() {
        values.clear();
    }
}
