package jp.yorisoi.testing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.delivery.SqsJobQueue;
import jp.yorisoi.delivery.stubs.QueueDriver;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.testkit.LocalSqs;
import jp.yorisoi.testkit.TemplateResources;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The queues of template.yaml in the JVM's shared ElasticMQ, under a fresh prefix so every test gets empty queues
 * without starting a server of its own (the queue counterpart of {@link LocalTables}).
 */
public record LocalQueues(SqsClient sqs, Map<String, String> urls) {

    public static LocalQueues create() {
        LocalSqs local = LocalSqs.shared();
        String prefix = "q" + UUID.randomUUID().toString().replace("-", "").substring(0, 12) + "-";
        return new LocalQueues(local.client(), TemplateResources.locate().createQueues(local.client(), prefix));
    }

    public String url(String logicalId) {
        return urls.get(logicalId);
    }

    /** The queue variables a function reads (template.yaml's environment names), pointing at these queues. */
    public Map<String, String> environment() {
        return Map.of("LINE_JOB_QUEUE_URL", url("LineJobQueue"), "MAIL_JOB_QUEUE_URL", url("MailJobQueue"));
    }

    /** The real adapter on LineJobQueue and MailJobQueue. */
    public SqsJobQueue jobQueue() {
        return new SqsJobQueue(sqs, Map.of(Channel.LINE, url("LineJobQueue"), Channel.EMAIL, url("MailJobQueue")));
    }

    /** The delivery jobs waiting on a queue, read back from their message bodies; they stay on the queue. */
    public List<DeliveryJob> jobs(String logicalId) {
        return new QueueDriver(sqs).peekBodies(url(logicalId)).stream().map(DeliveryJobJson::read).toList();
    }

    /** The jobs waiting on both job queues. */
    public List<DeliveryJob> allJobs() {
        return Stream.concat(jobs("LineJobQueue").stream(), jobs("MailJobQueue").stream()).toList();
    }
}
