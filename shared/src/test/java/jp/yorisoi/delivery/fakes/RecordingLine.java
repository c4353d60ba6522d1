package jp.yorisoi.delivery.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import jp.yorisoi.delivery.LineMessenger;

/** Records pushes; queued reactions (an outcome or an exception) are played before the default ACCEPTED. */
public final class RecordingLine implements LineMessenger {

    public record Push(String municipalityId, String lineUserId, List<String> texts, UUID retryKey) {}

    private final List<Push> pushes = new CopyOnWriteArrayList<>();
    private final Deque<Supplier<PushOutcome>> reactions = new ArrayDeque<>();

    public synchronized RecordingLine then(Supplier<PushOutcome> reaction) {
        reactions.add(reaction);
        return this;
    }

    @Override
    public PushOutcome push(String municipalityId, String lineUserId, List<String> texts, UUID retryKey) {
        pushes.add(new Push(municipalityId, lineUserId, List.copyOf(texts), retryKey));
        Supplier<PushOutcome> reaction;
        synchronized (this) {
            reaction = reactions.poll();
        }
        return reaction == null ? PushOutcome.ACCEPTED : reaction.get();
    }

    public List<Push> pushes() {
        return List.copyOf(pushes);
    }
}
