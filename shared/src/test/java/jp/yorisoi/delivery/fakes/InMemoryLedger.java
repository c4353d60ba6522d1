package jp.yorisoi.delivery.fakes;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import jp.yorisoi.delivery.Ledger;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;

/** The ledger's conditional-write contract, in memory. */
public final class InMemoryLedger implements Ledger {

    private final Map<String, LedgerEntry> entries = new ConcurrentHashMap<>();

    private static String key(String municipalityId, String readerId, String deliveryKey) {
        return municipalityId + "#" + readerId + "|" + deliveryKey;
    }

    @Override
    public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
        return Optional.ofNullable(entries.get(key(municipalityId, readerId, deliveryKey)));
    }

    @Override
    public synchronized boolean claim(LedgerEntry sending) {
        String key = key(sending.municipalityId(), sending.readerId(), sending.deliveryKey());
        LedgerEntry existing = entries.get(key);
        if (existing != null && existing.status().isFinal()) {
            return false;
        }
        entries.put(key, sending);
        return true;
    }

    @Override
    public synchronized boolean claimExclusive(LedgerEntry sending) {
        String key = key(sending.municipalityId(), sending.readerId(), sending.deliveryKey());
        LedgerEntry existing = entries.get(key);
        if (existing != null && existing.status() != DeliveryStatus.RELEASED) {
            return false;
        }
        entries.put(key, sending);
        return true;
    }

    @Override
    public void complete(LedgerEntry done) {
        entries.put(key(done.municipalityId(), done.readerId(), done.deliveryKey()), done);
    }

    public List<LedgerEntry> all() {
        return List.copyOf(entries.values());
    }
}
