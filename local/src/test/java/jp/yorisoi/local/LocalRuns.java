package jp.yorisoi.local;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** What the end-to-end tests do to a running local runner: run the demo town's day, wait for the senders. */
final class LocalRuns {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private LocalRuns() {}

    /** POST /admin/runs for the demo town on {@code date}, as an operator with the runner's ADMIN_TOKEN. */
    static HttpResponse<String> run(LocalRunner runner, String date) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(runner.apiBaseUri() + "/admin/runs"))
                .header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + runner.services().adminToken())
                .POST(HttpRequest.BodyPublishers.ofString("{\"date\":\"" + date + "\",\"municipalityId\":\"demo\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The sender handler deletes a job only once it has handled it: no visible and no in-flight job means done. */
    static void awaitJobQueueDrained(LocalRunner runner) {
        String queue = runner.services().queueUrl("LineJobQueue");
        Await.until("the LINE job queue to drain", Duration.ofSeconds(30), () -> {
            Map<QueueAttributeName, String> attributes = runner.services().sqs().getQueueAttributes(r -> r.queueUrl(queue)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                            QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
            return attributes.values().stream().allMatch("0"::equals);
        });
    }
}
