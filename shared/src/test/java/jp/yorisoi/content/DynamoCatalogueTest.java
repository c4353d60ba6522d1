package jp.yorisoi.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jp.yorisoi.schedule.Track;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

class DynamoCatalogueTest {

    @Test
    void importRetriesWhatDynamoDbLeftUnprocessedUntilEverythingIsWritten() {
        ThrottlingDynamo dynamo = new ThrottlingDynamo();
        List<ContentEntry> entries = new ArrayList<>();
        for (int day = 0; day < 60; day++) {
            entries.add(new ContentEntry(ContentOwner.BASE, ContentKind.DAILY, Track.PREGNANCY, 28 + day, "ja", "t"));
        }

        new DynamoCatalogue(dynamo, "Content").importAll(entries);

        assertEquals(60, dynamo.written.size());
        assertEquals(List.of(25, 1, 25, 1, 10, 1), dynamo.batchSizes);
    }

    /** Leaves the last item of every full batch unprocessed, as DynamoDB does when a partition is throttled. */
    private static final class ThrottlingDynamo implements DynamoDbClient {
        final Set<String> written = new HashSet<>();
        final List<Integer> batchSizes = new ArrayList<>();

        @Override
        public BatchWriteItemResponse batchWriteItem(BatchWriteItemRequest request) {
            List<WriteRequest> writes = request.requestItems().get("Content");
            batchSizes.add(writes.size());
            int accepted = writes.size() > 1 ? writes.size() - 1 : writes.size();
            writes.subList(0, accepted).forEach(w -> written.add(w.putRequest().item().get("sk").s()));
            List<WriteRequest> rest = writes.subList(accepted, writes.size());
            return BatchWriteItemResponse.builder()
                    .unprocessedItems(rest.isEmpty() ? Map.of() : Map.of("Content", rest))
                    .build();
        }

        @Override
        public String serviceName() {
            return "dynamodb";
        }

        @Override
        public void close() {}
    }
}
