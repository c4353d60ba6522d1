package jp.yorisoi.bench;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.DoubleAdder;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnConsumedCapacity;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The DynamoDB request units a client's calls consume, as DynamoDB reports them: an execution interceptor that asks
 * every call for its consumed capacity (ReturnConsumedCapacity INDEXES: table and indexes) and adds up what the
 * answers say, reads (GetItem, BatchGetItem, Query, Scan) apart from writes. DynamoDB applies the billing rules
 * itself (a strongly consistent read of up to 4 KB is one read unit, an eventually consistent one half; a write of
 * up to 1 KB is one write unit, and a write also pays for each index it changes). A conditional write whose
 * condition fails answers with an error that carries no capacity, yet DynamoDB still bills the write (Developer
 * Guide, "DynamoDB read and write operations", capacity unit consumption for write operations): such calls are
 * counted apart and priced at one write unit each.
 */
final class CapacityMeter implements ExecutionInterceptor {

    private final DoubleAdder readUnits = new DoubleAdder();
    private final DoubleAdder writeUnits = new DoubleAdder();
    private final AtomicInteger failedConditions = new AtomicInteger();

    @Override
    public SdkRequest modifyRequest(Context.ModifyRequest context, ExecutionAttributes attributes) {
        ReturnConsumedCapacity all = ReturnConsumedCapacity.INDEXES;
        return switch (context.request()) {
            case GetItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case BatchGetItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case QueryRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case ScanRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case PutItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case UpdateItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case DeleteItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            case BatchWriteItemRequest r -> r.toBuilder().returnConsumedCapacity(all).build();
            default -> context.request();
        };
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        SdkResponse response = context.response();
        switch (response) {
            case GetItemResponse r -> readUnits.add(units(r.consumedCapacity()));
            case BatchGetItemResponse r -> readUnits.add(units(r.consumedCapacity()));
            case QueryResponse r -> readUnits.add(units(r.consumedCapacity()));
            case ScanResponse r -> readUnits.add(units(r.consumedCapacity()));
            case PutItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
            case UpdateItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
            case DeleteItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
            case BatchWriteItemResponse r -> writeUnits.add(units(r.consumedCapacity()));
            default -> { }
        }
    }

    @Override
    public void onExecutionFailure(Context.FailedExecution context, ExecutionAttributes attributes) {
        if (context.exception() instanceof ConditionalCheckFailedException) {
            failedConditions.incrementAndGet();
        }
    }

    /** Read request units reported by DynamoDB. */
    double readUnits() {
        return readUnits.sum();
    }

    /** Write request units: those reported plus one for each conditional write whose condition failed. */
    double writeUnits() {
        return writeUnits.sum() + failedConditions.get();
    }

    int failedConditions() {
        return failedConditions.get();
    }

    void reset() {
        readUnits.reset();
        writeUnits.reset();
        failedConditions.set(0);
    }

    private static double units(ConsumedCapacity consumed) {
        return consumed == null || consumed.capacityUnits() == null ? 0 : consumed.capacityUnits();
    }

    private static double units(List<ConsumedCapacity> consumed) {
        return consumed == null ? 0 : consumed.stream().mapToDouble(CapacityMeter::units).sum();
    }
}
