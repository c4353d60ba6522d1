package jp.yorisoi.delivery;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.schedule.ProgramSchedule;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.Select;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The delivery ledger in DynamoDB, one item per reader and delivery key. {@code muniDate} feeds the
 * {@code ByMunicipalityDate} index (stats, reconciliation), sharded as {@code {municipalityId}#{date}#{shard}};
 * entries expire about 400 days after their date so a year-on-year comparison still has last year's figures.
 * Claims and outcomes are conditional updates that keep the claim's {@code claimId} and first {@code claimedAt}
 * (epoch milliseconds) on the item.
 */
public final class DynamoLedger implements Ledger, DeliveryTally {

    static final long RETENTION_DAYS = 400;
    /** A monthly-limit flag stops one delivery day; it is kept a little longer than that day's retries. */
    static final long QUOTA_FLAG_DAYS = 3;
    /** Attributes an entry may lack: a write removes them, so no value of an earlier attempt lingers. */
    private static final List<String> OPTIONAL_ATTRIBUTES = List.of("channel", "role", "updatedAt", "reason");
    static final String BY_MUNICIPALITY_DATE = "ByMunicipalityDate";
    /**
     * Shards of one (town, day) in the index. A partition, of a table or a GSI, takes at most 1,000 write units/s
     * (DynamoDB developer guide, "warm throughput scenarios"), and a GSI short of write capacity throttles the
     * table's writes too (developer guide, "key range throughput exceeded"). A town of 1,000,000
     * readers served in ten minutes writes ~1,700 ledger items/s, twice each (SENDING, then final), so one
     * unsharded key would throttle the index and, through it, the senders' ledger writes. 16 shards keep each
     * under ~220/s. Changing the count re-files only new entries: readers of a day must use the count it was
     * written with.
     */
    static final int INDEX_SHARDS = 16;

    /** Erased readers who were receiving deliveries, counted per town and day; no reader id (see countErasure). */
    static final String ERASURES = "erasures";
    private static final int BATCH_WRITE_LIMIT = 25;
    private static final String CONDITION_FAILED = "ConditionalCheckFailed";

    private final DynamoDbClient dynamo;
    private final String table;
    private final String readersTable;

    /** A ledger whose claims do not check the reader (stats, reconciliation and tests that store no readers). */
    public DynamoLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, null);
    }

    /** @param readersTable the readers table: every claim checks that its reader is still stored there */
    public DynamoLedger(DynamoDbClient dynamo, String table, String readersTable) {
        this.dynamo = dynamo;
        this.table = table;
        this.readersTable = readersTable;
    }

    @Override
    public Optional<LedgerEntry> find(String municipalityId, String readerId, String deliveryKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(Map.of("pk", AttributeValue.fromS(municipalityId + "#" + readerId),
                                "deliveryKey", AttributeValue.fromS(deliveryKey)))
                        .consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(fromItem(item));
    }

    /**
     * A SENDING entry may be claimed again while young: it is a crashed or timed-out attempt, and LINE's retry key
     * makes the repeated send harmless. {@code claimedAt} is set by the first claim only ({@code if_not_exists}), so
     * re-claims do not make an old entry look young; an entry from before claim times were kept counts as young.
     */
    @Override
    public Claim claim(LedgerEntry sending, String claimId, Instant resendableSince) {
        return claimIf(sending, claimId, "attribute_not_exists(pk) OR #status = :released OR (#status = :sending AND "
                + "(attribute_not_exists(claimedAt) OR claimedAt >= :since) AND "
                + "(attribute_not_exists(#reason) OR #reason <> :byReply))", resendableSince);
    }

    /** One conditional write: two concurrent attempts cannot both claim an e-mail. */
    @Override
    public Claim claimExclusive(LedgerEntry sending, String claimId, Instant inFlightSince) {
        Claim claim = claimIf(sending, claimId, "attribute_not_exists(pk) OR #status = :released", null);
        if (claim != Claim.IN_DOUBT) {
            return claim;
        }
        Optional<LedgerEntry> current = find(sending.municipalityId(), sending.readerId(), sending.deliveryKey());
        boolean young = current.map(LedgerEntry::updatedAt).filter(at -> !at.isBefore(inFlightSince)).isPresent();
        return young ? Claim.IN_FLIGHT : Claim.IN_DOUBT;
    }

    private Claim claimIf(LedgerEntry sending, String claimId, String condition, Instant resendableSince) {
        if (sending.status() != DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("a claim writes SENDING, not " + sending.status());
        }
        Update update = Update.writing(toItem(sending))
                .set("claimId", AttributeValue.fromS(claimId))
                .setIfNotExists("claimedAt", AttributeValue.fromN(Long.toString(sending.updatedAt().toEpochMilli())))
                .condition(condition)
                .value(":released", AttributeValue.fromS(DeliveryStatus.RELEASED.name()));
        if (resendableSince != null) {
            update.value(":sending", AttributeValue.fromS(DeliveryStatus.SENDING.name()))
                    .value(":since", AttributeValue.fromN(Long.toString(resendableSince.toEpochMilli())))
                    .value(":byReply", AttributeValue.fromS(LedgerEntry.BY_REPLY))
                    .name("#reason", "reason");
        }
        try {
            applyWhileReaderStored(sending, update);
            return Claim.CLAIMED;
        } catch (ReaderGone gone) {
            return Claim.READER_GONE;
        } catch (ConditionalCheckFailedException taken) {
            Map<String, AttributeValue> current = item(sending.municipalityId(), sending.readerId(),
                    sending.deliveryKey());
            String status = string(current.get("status"));
            if (!DeliveryStatus.SENDING.name().equals(status)) {
                return Claim.DONE;
            }
            if (claimId.equals(string(current.get("claimId")))) {
                // this attempt's own write, applied before its answer was lost and the client retried it
                return Claim.CLAIMED;
            }
            if (resendableSince == null) {
                return Claim.IN_DOUBT;
            }
            return markInDoubt(sending, claimId, resendableSince) ? Claim.IN_DOUBT : Claim.DONE;
        }
    }

    /**
     * Turns a SENDING entry first claimed before {@code resendableSince} into the final IN_DOUBT, under this
     * attempt's claim id so that a retry of this very write is recognised.
     *
     * @return false when another attempt finished the entry first
     */
    private boolean markInDoubt(LedgerEntry sending, String claimId, Instant resendableSince) {
        Update update = new Update()
                .set("status", AttributeValue.fromS(DeliveryStatus.IN_DOUBT.name()))
                .set("claimId", AttributeValue.fromS(claimId))
                .set("reason", AttributeValue.fromS(LedgerEntry.RETRY_KEY_EXPIRED))
                .set("updatedAt", AttributeValue.fromS(sending.updatedAt().toString()))
                .condition("#status = :sending AND claimedAt < :since")
                .value(":sending", AttributeValue.fromS(DeliveryStatus.SENDING.name()))
                .value(":since", AttributeValue.fromN(Long.toString(resendableSince.toEpochMilli())));
        try {
            apply(sending, update);
            return true;
        } catch (ConditionalCheckFailedException finishedMeanwhile) {
            return claimId.equals(string(item(sending.municipalityId(), sending.readerId(), sending.deliveryKey())
                    .get("claimId")));
        }
    }

    /**
     * Written only while the entry is this claim's SENDING. If the condition fails because the same write already
     * went through (its answer lost, the client retried), the entry carries this claim id and the status written:
     * that is success. A broadcast's entry adds its outcome to the broadcast's counters in the same transaction.
     */
    @Override
    public boolean complete(LedgerEntry done, String claimId) {
        return complete(done, claimId, done.deliveryKey().startsWith(DeliveryJob.BROADCAST_PREFIX)
                ? tallyOf(done.status()) : null);
    }

    @Override
    public boolean completeChunk(LedgerEntry done, String claimId, Broadcast.Progress tally) {
        if (!done.deliveryKey().startsWith(DeliveryJob.BROADCAST_PREFIX)) {
            throw new IllegalArgumentException("a chunk belongs to a broadcast, not to " + done.deliveryKey());
        }
        return complete(done, claimId, done.status() == DeliveryStatus.RELEASED ? null : tally);
    }

    private boolean complete(LedgerEntry done, String claimId, Broadcast.Progress tally) {
        if (done.status() == DeliveryStatus.SENDING) {
            throw new IllegalArgumentException("complete writes an outcome, not SENDING");
        }
        Update update = Update.writing(toItem(done))
                .condition("#status = :sending AND claimId = :claimId")
                .value(":sending", AttributeValue.fromS(DeliveryStatus.SENDING.name()))
                .value(":claimId", AttributeValue.fromS(claimId));
        if (done.status() == DeliveryStatus.RELEASED) {
            // nothing was sent: the next claim starts the age of the delivery afresh
            update.remove("claimedAt");
        }
        try {
            if (tally == null) {
                apply(done, update);
            } else {
                applyCounting(done, update, tally);
            }
            return true;
        } catch (ConditionalCheckFailedException notThisClaims) {
            return ownOutcome(done, claimId);
        } catch (TransactionCanceledException cancelled) {
            if (cancelled.cancellationReasons().isEmpty()
                    || !"ConditionalCheckFailed".equals(cancelled.cancellationReasons().getFirst().code())) {
                throw cancelled;
            }
            return ownOutcome(done, claimId);
        }
    }

    private boolean ownOutcome(LedgerEntry done, String claimId) {
        Map<String, AttributeValue> current = item(done.municipalityId(), done.readerId(), done.deliveryKey());
        return claimId.equals(string(current.get("claimId")))
                && done.status().name().equals(string(current.get("status")));
    }

    /**
     * The outcome and the broadcast's counters in one transaction, so a crash between the two can neither lose a
     * count nor add one twice (a retried transaction fails the entry's condition and adds nothing). Transactions need
     * no permission of their own: IAM checks each action in it, here dynamodb:UpdateItem on the ledger table
     * (DynamoDB developer guide, "Using IAM with DynamoDB transactions").
     */
    private void applyCounting(LedgerEntry done, Update update, Broadcast.Progress tally) {
        UpdateItemRequest entry = update.request(table,
                key(done.municipalityId(), done.readerId(), done.deliveryKey()));
        String broadcastId = done.deliveryKey().substring(DeliveryJob.BROADCAST_PREFIX.length());
        dynamo.transactWriteItems(t -> t.transactItems(
                TransactWriteItem.builder().update(u -> u.tableName(table).key(entry.key())
                        .updateExpression(entry.updateExpression())
                        .conditionExpression(entry.conditionExpression())
                        .expressionAttributeNames(entry.expressionAttributeNames())
                        .expressionAttributeValues(entry.expressionAttributeValues())).build(),
                TransactWriteItem.builder().update(u -> u.tableName(table)
                        .key(DynamoBroadcastStore.recordKey(done.municipalityId(), broadcastId))
                        .updateExpression("ADD sent :sent, skipped :skipped, failed :failed")
                        .expressionAttributeValues(Map.of(
                                ":sent", AttributeValue.fromN(Integer.toString(tally.sent())),
                                ":skipped", AttributeValue.fromN(Integer.toString(tally.skipped())),
                                ":failed", AttributeValue.fromN(Integer.toString(tally.failed()))))).build()));
    }

    /** How one reader's final entry counts in its broadcast's progress; RELEASED is no outcome yet. */
    private static Broadcast.Progress tallyOf(DeliveryStatus status) {
        return switch (status) {
            case SENT -> new Broadcast.Progress(1, 0, 0);
            case SKIPPED, NOTHING_TO_SEND -> new Broadcast.Progress(0, 1, 0);
            case IN_DOUBT -> new Broadcast.Progress(0, 0, 1);
            case SENDING, RELEASED -> null;
        };
    }

    /**
     * One item per town and delivery day beside the readers' entries ({@code pk} "{municipalityId}#quota" cannot be
     * a reader's: reader ids start with L or M). It carries no {@code muniDate}, so the stats index never sees it,
     * and it expires a few days after the day it stops.
     */
    @Override
    public boolean monthlyLimitReached(String municipalityId, LocalDate date) {
        // an eventually consistent read: a sender that misses a flag just written gets one more 429
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table).key(quotaKey(municipalityId, date)))
                .item();
        return item != null && !item.isEmpty();
    }

    /** The item carries a random id of this call, so that a retry of the same put is told from another sender's. */
    @Override
    public boolean recordMonthlyLimit(String municipalityId, LocalDate date, Instant at) {
        String recordedBy = UUID.randomUUID().toString();
        Map<String, AttributeValue> item = new HashMap<>(quotaKey(municipalityId, date));
        item.put("claimId", AttributeValue.fromS(recordedBy));
        item.put("municipalityId", AttributeValue.fromS(municipalityId));
        item.put("reason", AttributeValue.fromS(LedgerEntry.MONTHLY_LIMIT));
        item.put("updatedAt", AttributeValue.fromS(at.toString()));
        long expiresAt = date.plusDays(QUOTA_FLAG_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond();
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        try {
            dynamo.putItem(r -> r.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"));
            return true;
        } catch (ConditionalCheckFailedException known) {
            Map<String, AttributeValue> current = dynamo.getItem(r -> r.tableName(table)
                    .key(quotaKey(municipalityId, date)).consistentRead(true)).item();
            return current != null && recordedBy.equals(string(current.get("claimId")));
        }
    }

    private static Map<String, AttributeValue> quotaKey(String municipalityId, LocalDate date) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#quota"),
                "deliveryKey", AttributeValue.fromS(date.toString()));
    }

    private Map<String, AttributeValue> item(String municipalityId, String readerId, String deliveryKey) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                        .key(key(municipalityId, readerId, deliveryKey))
                        .consistentRead(true))
                .item();
        return item == null ? Map.of() : item;
    }

    private static Map<String, AttributeValue> key(String municipalityId, String readerId, String deliveryKey) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#" + readerId),
                "deliveryKey", AttributeValue.fromS(deliveryKey));
    }

    private void apply(LedgerEntry entry, Update update) {
        dynamo.updateItem(update.request(table, key(entry.municipalityId(), entry.readerId(), entry.deliveryKey())));
    }

    /**
     * The claim and a check that the reader's item still exists, in one transaction (TransactWriteItems with a
     * ConditionCheck: both conditions hold at once or nothing is written). An erasure deletes the reader before it
     * sweeps their entries, so a claim either lands before the sweep and is swept, or finds the reader gone. A
     * cancelled transaction names each item's reason in order (DynamoDB API reference, TransactWriteItems,
     * CancellationReasons): the reader's check failing is READER_GONE, the claim's own condition failing is the
     * usual ConditionalCheckFailedException; any other reason (a conflicting write) fails the attempt, which the
     * queue retries.
     */
    private void applyWhileReaderStored(LedgerEntry entry, Update update) {
        // a broadcast chunk's entry stands for many readers; the chunk sender reads them, and skips the erased, at
        // send time (BroadcastChunkSender)
        if (readersTable == null || DeliveryJob.isChunkId(entry.readerId())) {
            apply(entry, update);
            return;
        }
        UpdateItemRequest request = update.request(table, key(entry.municipalityId(), entry.readerId(),
                entry.deliveryKey()));
        try {
            dynamo.transactWriteItems(t -> t.transactItems(
                    TransactWriteItem.builder().update(u -> u.tableName(table).key(request.key())
                            .updateExpression(request.updateExpression())
                            .conditionExpression(request.conditionExpression())
                            .expressionAttributeNames(request.expressionAttributeNames())
                            .expressionAttributeValues(request.expressionAttributeValues())).build(),
                    TransactWriteItem.builder().conditionCheck(c -> c.tableName(readersTable)
                            .key(DynamoReaderStore.itemKey(entry.municipalityId(), entry.readerId()))
                            .conditionExpression("attribute_exists(pk)")).build()));
        } catch (TransactionCanceledException cancelled) {
            List<CancellationReason> reasons = cancelled.cancellationReasons();
            if (reasons.size() == 2 && CONDITION_FAILED.equals(reasons.get(1).code())) {
                throw new ReaderGone();
            }
            if (!reasons.isEmpty() && CONDITION_FAILED.equals(reasons.get(0).code())) {
                throw ConditionalCheckFailedException.builder().message("ledger entry taken").build();
            }
            throw cancelled;
        }
    }

    private static final class ReaderGone extends RuntimeException {
        ReaderGone() {
            super(null, null, false, false);
        }
    }

    /**
     * Query of the reader's partition ({@code pk} "{municipalityId}#{readerId}", consistent), then BatchWriteItem
     * deletes of 25 keys at most (its per-request limit), sending again whatever the table left unprocessed.
     */
    @Override
    public int forgetReader(String municipalityId, String readerId) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (QueryResponse page : dynamo.queryPaginator(r -> r.tableName(table)
                .keyConditionExpression("pk = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS(municipalityId + "#" + readerId)))
                .projectionExpression("pk, deliveryKey")
                .consistentRead(true))) {
            keys.addAll(page.items());
        }
        for (int from = 0; from < keys.size(); from += BATCH_WRITE_LIMIT) {
            List<WriteRequest> deletes = keys.subList(from, Math.min(keys.size(), from + BATCH_WRITE_LIMIT)).stream()
                    .map(key -> WriteRequest.builder().deleteRequest(d -> d.key(key)).build())
                    .toList();
            Map<String, List<WriteRequest>> pending = Map.of(table, deletes);
            for (int attempt = 1; !pending.isEmpty(); attempt++) {
                if (attempt > 5) {
                    throw new IllegalStateException("the ledger kept leaving deletes of an erased reader unprocessed");
                }
                Map<String, List<WriteRequest>> batch = pending;
                pending = dynamo.batchWriteItem(r -> r.requestItems(batch)).unprocessedItems();
            }
        }
        return keys.size();
    }

    /**
     * One counter item per town and day ({@code pk} "{municipalityId}#erasures": reader ids start with L or M, so
     * it is no reader's), added to atomically, without {@code muniDate} so the stats index never sees it. It
     * expires with the day's entries.
     */
    @Override
    public void countErasure(String municipalityId, LocalDate date) {
        long expiresAt = date.plusDays(RETENTION_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond();
        dynamo.updateItem(r -> r.tableName(table).key(erasuresKey(municipalityId, date))
                .updateExpression("ADD erased :one SET expiresAt = :expiresAt")
                .expressionAttributeValues(Map.of(":one", AttributeValue.fromN("1"),
                        ":expiresAt", AttributeValue.fromN(Long.toString(expiresAt)))));
    }

    private int erasedOn(String municipalityId, LocalDate date) {
        Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName(table)
                .key(erasuresKey(municipalityId, date)).consistentRead(true)).item();
        return item == null || !item.containsKey("erased") ? 0 : Integer.parseInt(item.get("erased").n());
    }

    private static Map<String, AttributeValue> erasuresKey(String municipalityId, LocalDate date) {
        return Map.of("pk", AttributeValue.fromS(municipalityId + "#" + ERASURES),
                "deliveryKey", AttributeValue.fromS(date.toString()));
    }

    /**
     * An UpdateItem that sets every attribute of an entry (and removes the optional ones it lacks), so that writes
     * keep what belongs to the claim ({@code claimId}, {@code claimedAt}) while replacing the rest.
     */
    private static final class Update {
        private final List<String> sets = new ArrayList<>();
        private final List<String> removes = new ArrayList<>();
        private final Map<String, String> names = new HashMap<>(Map.of("#status", "status"));
        private final Map<String, AttributeValue> values = new HashMap<>();
        private String condition;

        static Update writing(Map<String, AttributeValue> item) {
            Update update = new Update();
            item.forEach((name, value) -> {
                if (!name.equals("pk") && !name.equals("deliveryKey")) {
                    update.set(name, value);
                }
            });
            for (String optional : OPTIONAL_ATTRIBUTES) {
                if (!item.containsKey(optional)) {
                    update.remove(optional);
                }
            }
            return update;
        }

        Update set(String name, AttributeValue value) {
            String placeholder = placeholder(name);
            sets.add("#" + placeholder + " = :" + placeholder);
            values.put(":" + placeholder, value);
            return this;
        }

        Update setIfNotExists(String name, AttributeValue value) {
            String placeholder = placeholder(name);
            sets.add("#" + placeholder + " = if_not_exists(#" + placeholder + ", :" + placeholder + ")");
            values.put(":" + placeholder, value);
            return this;
        }

        Update remove(String name) {
            removes.add("#" + placeholder(name));
            return this;
        }

        Update condition(String expression) {
            this.condition = expression;
            return this;
        }

        Update name(String placeholder, String name) {
            names.put(placeholder, name);
            return this;
        }

        Update value(String placeholder, AttributeValue value) {
            values.put(placeholder, value);
            return this;
        }

        private String placeholder(String name) {
            String placeholder = "a_" + name;
            names.put("#" + placeholder, name);
            return placeholder;
        }

        UpdateItemRequest request(String table, Map<String, AttributeValue> key) {
            String expression = "SET " + String.join(", ", sets)
                    + (removes.isEmpty() ? "" : " REMOVE " + String.join(", ", removes));
            Map<String, String> used = new HashMap<>(names);
            if (!condition.contains("#status")) {
                used.remove("#status");
            }
            return UpdateItemRequest.builder().tableName(table).key(key)
                    .updateExpression(expression)
                    .conditionExpression(condition)
                    .expressionAttributeNames(used)
                    .expressionAttributeValues(values)
                    .build();
        }
    }

    /**
     * Counts the town's daily deliveries of {@code date} that reached a final state, over every index shard
     * (Query with {@code Select: COUNT}: the items are read but not returned), and the readers erased that day
     * while receiving deliveries: their entry of the day was removed with them, or their job found them gone.
     */
    @Override
    public int finalDailyDeliveries(String municipalityId, LocalDate date) {
        int count = erasedOn(municipalityId, date);
        for (int shard = 0; shard < INDEX_SHARDS; shard++) {
            String key = indexKey(municipalityId, date, shard);
            for (QueryResponse page : dynamo.queryPaginator(r -> r.tableName(table)
                    .indexName(BY_MUNICIPALITY_DATE)
                    .keyConditionExpression("muniDate = :key")
                    .filterExpression("deliveryKey = :day AND #status IN (:sent, :nothing, :skipped, :inDoubt)")
                    .expressionAttributeNames(Map.of("#status", "status"))
                    .expressionAttributeValues(Map.of(
                            ":key", AttributeValue.fromS(key),
                            ":day", AttributeValue.fromS(date.toString()),
                            ":sent", AttributeValue.fromS(DeliveryStatus.SENT.name()),
                            ":nothing", AttributeValue.fromS(DeliveryStatus.NOTHING_TO_SEND.name()),
                            ":skipped", AttributeValue.fromS(DeliveryStatus.SKIPPED.name()),
                            ":inDoubt", AttributeValue.fromS(DeliveryStatus.IN_DOUBT.name())))
                    .select(Select.COUNT))) {
                count += page.count();
            }
        }
        return count;
    }

    /** The index shard of a reader's entries: String.hashCode is fixed by the Java API, so stable across JVMs. */
    static int indexShard(String readerId) {
        return Math.floorMod(readerId.hashCode(), INDEX_SHARDS);
    }

    static String indexKey(String municipalityId, LocalDate date, int shard) {
        return municipalityId + "#" + date + "#" + shard;
    }

    private static Map<String, AttributeValue> toItem(LedgerEntry entry) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("pk", AttributeValue.fromS(entry.municipalityId() + "#" + entry.readerId()));
        item.put("deliveryKey", AttributeValue.fromS(entry.deliveryKey()));
        item.put("municipalityId", AttributeValue.fromS(entry.municipalityId()));
        item.put("readerId", AttributeValue.fromS(entry.readerId()));
        item.put("date", AttributeValue.fromS(entry.date().toString()));
        item.put("status", AttributeValue.fromS(entry.status().name()));
        putIfPresent(item, "channel", entry.channel());
        putIfPresent(item, "role", entry.role());
        item.put("parts", AttributeValue.fromN(Integer.toString(entry.parts())));
        putIfPresent(item, "updatedAt", entry.updatedAt() == null ? null : entry.updatedAt().toString());
        putIfPresent(item, "reason", entry.reason());
        item.put("muniDate", AttributeValue.fromS(
                indexKey(entry.municipalityId(), entry.date(), indexShard(entry.readerId()))));
        long expiresAt = entry.date().plusDays(RETENTION_DAYS).atStartOfDay(ProgramSchedule.ZONE).toEpochSecond();
        item.put("expiresAt", AttributeValue.fromN(Long.toString(expiresAt)));
        return item;
    }

    private static LedgerEntry fromItem(Map<String, AttributeValue> item) {
        return new LedgerEntry(
                item.get("municipalityId").s(),
                item.get("readerId").s(),
                item.get("deliveryKey").s(),
                LocalDate.parse(item.get("date").s()),
                DeliveryStatus.valueOf(item.get("status").s()),
                string(item.get("channel")),
                string(item.get("role")),
                Integer.parseInt(item.get("parts").n()),
                item.containsKey("updatedAt") ? Instant.parse(item.get("updatedAt").s()) : null,
                string(item.get("reason")));
    }

    private static void putIfPresent(Map<String, AttributeValue> item, String name, String value) {
        if (value != null) {
            item.put(name, AttributeValue.fromS(value));
        }
    }

    private static String string(AttributeValue value) {
        return value == null ? null : value.s();
    }
}
