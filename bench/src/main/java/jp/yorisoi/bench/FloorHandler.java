package jp.yorisoi.bench;

import java.net.URI;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;

/** The cold-start floor: a bare handler that builds one DynamoDB client and makes one GetItem. */
final class FloorHandler {

    private final DynamoDbClient dynamo = DynamoDbClient.builder()
            .region(Region.of(System.getenv("AWS_REGION")))
            .endpointOverride(URI.create(System.getenv("AWS_ENDPOINT_URL_DYNAMODB")))
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .httpClient(UrlConnectionHttpClient.create())
            .build();

    String call() {
        return dynamo.getItem(GetItemRequest.builder().tableName(System.getenv("FLOOR_TABLE"))
                .key(Map.of("pk", AttributeValue.fromS("nobody"), "readerId", AttributeValue.fromS("nobody"))).build()).hasItem() ? "item" : "no item";
    }
}
