package jp.yorisoi.delivery.fakes;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.delivery.MailSender;

/** Records mails; queued failures are thrown first. */
public final class RecordingMail implements MailSender {

    private final List<Mail> sent = new CopyOnWriteArrayList<>();
    private final Deque<RuntimeException> failures = new ArrayDeque<>();

    public synchronized RecordingMail thenFail(RuntimeException failure) {
        failures.add(failure);
        return this;
    }

    @Override
    public void send(Mail mail) {
        RuntimeException failure;
        synchronized (this) {
            failure = failures.poll();
        }
        if (failure != null) {
            throw failure;
        }
        sent.add(mail);
    }

    public List<Mail> sent() {
        return List.copyOf(sent);
    }
}
