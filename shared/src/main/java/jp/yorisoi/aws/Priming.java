package jp.yorisoi.aws;

import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryJobJson;
import jp.yorisoi.reader.Channel;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * The SnapStart priming hook of one function: before Lambda takes the snapshot, it loads and initialises the classes
 * the first invocation would otherwise load on the clock (the SDK clients' request, marshalling and HTTP classes,
 * Jackson with a round trip of a sample delivery job, the LINE client's API and model classes), so a restored
 * environment starts with them in the snapshot. It calls nothing outside the JVM: no request is sent, no table or
 * queue is touched, so a checkpoint cannot write, send or fail on a network that is not there.
 *
 * <p>AWS, "Lambda SnapStart runtime hooks for Java" (docs.aws.amazon.com/lambda/latest/dg/snapstart-runtime-hooks-java.html):
 * a {@code Resource} registered with {@code Core.getGlobalContext()} gets {@code beforeCheckpoint()} before the
 * snapshot (hooks run in reverse registration order and count against the init time limit) and
 * {@code afterRestore()} after a restore (within 10 s). AWS, "Handling uniqueness with Lambda SnapStart"
 * (docs.aws.amazon.com/lambda/latest/dg/snapstart-uniqueness.html): unique ids and random seeds made during init
 * are shared by every restored environment; the warm-up makes none (the sample job's key is derived, not random),
 * so {@link #afterRestore} has nothing to re-seed.
 *
 * <p>The global context of org.crac holds its resources weakly and, outside a CRaC or SnapStart JVM, ignores them;
 * {@link #registered()} keeps each one strongly so it lives as long as the function and a test or the cold-start
 * benchmark can run the same hooks.
 */
public final class Priming implements Resource {

    /** Loaded when present in the function's jar: each function packages only the SDK modules it calls. */
    private static final List<String> CLASSES = List.of(
            "software.amazon.awssdk.services.dynamodb.DynamoDbClient",
            "software.amazon.awssdk.services.dynamodb.model.GetItemRequest",
            "software.amazon.awssdk.services.dynamodb.model.PutItemRequest",
            "software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest",
            "software.amazon.awssdk.services.dynamodb.model.QueryRequest",
            "software.amazon.awssdk.services.dynamodb.model.AttributeValue",
            "software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException",
            "software.amazon.awssdk.services.dynamodb.transform.GetItemRequestMarshaller",
            "software.amazon.awssdk.services.dynamodb.transform.PutItemRequestMarshaller",
            "software.amazon.awssdk.services.dynamodb.transform.QueryRequestMarshaller",
            "software.amazon.awssdk.services.sqs.SqsClient",
            "software.amazon.awssdk.services.sqs.model.SendMessageBatchRequest",
            "software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry",
            "software.amazon.awssdk.services.sesv2.SesV2Client",
            "software.amazon.awssdk.services.sesv2.model.SendEmailRequest",
            "software.amazon.awssdk.services.ssm.SsmClient",
            "software.amazon.awssdk.services.ssm.model.GetParameterRequest",
            "software.amazon.awssdk.services.lambda.LambdaClient",
            "software.amazon.awssdk.services.lambda.model.InvokeRequest",
            "software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient",
            "software.amazon.awssdk.auth.signer.Aws4Signer",
            "software.amazon.awssdk.http.auth.aws.internal.signer.DefaultAwsV4HttpSigner",
            "software.amazon.awssdk.protocols.json.internal.marshall.JsonProtocolMarshaller",
            "software.amazon.awssdk.protocols.json.internal.unmarshall.JsonProtocolUnmarshaller",
            "software.amazon.awssdk.core.internal.http.pipeline.stages.ApplyUserAgentStage",
            "com.linecorp.bot.messaging.client.MessagingApiClient",
            "com.linecorp.bot.messaging.model.PushMessageRequest",
            "com.linecorp.bot.messaging.model.ReplyMessageRequest",
            "com.linecorp.bot.messaging.model.TextMessage",
            "okhttp3.OkHttpClient",
            "retrofit2.Retrofit");

    private static final List<Priming> REGISTERED = new CopyOnWriteArrayList<>();

    private final String function;
    private volatile int loaded;

    private Priming(String function) {
        this.function = function;
    }

    /** Registers the hook of {@code function} (the handler's class) with SnapStart's global context. */
    public static Priming register(Class<?> function) {
        Priming priming = new Priming(function.getName());
        REGISTERED.add(priming);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    /** Every hook registered in this JVM, in registration order. */
    public static List<Priming> registered() {
        return List.copyOf(REGISTERED);
    }

    /** Runs every registered hook as a checkpoint would, in reverse registration order. */
    public static void checkpoint() throws Exception {
        List<Priming> hooks = registered();
        for (int i = hooks.size() - 1; i >= 0; i--) {
            hooks.get(i).beforeCheckpoint(null);
        }
    }

    /** The handler class this hook warms. */
    public String function() {
        return function;
    }

    /** How many of the warmed classes the last checkpoint found in this JVM (0 before one). */
    public int loadedClasses() {
        return loaded;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) throws Exception {
        ClassLoader loader = Priming.class.getClassLoader();
        int count = 0;
        for (String name : CLASSES) {
            try {
                Class.forName(name, true, loader);
                count++;
            } catch (ClassNotFoundException | LinkageError notInThisFunction) {
                // a module this function does not package: nothing to warm
            }
        }
        // Jackson's serializers and deserializers for the job record, as the first SQS message needs them
        DeliveryJob sample = DeliveryJob.daily("priming", "priming-reader", Channel.LINE, LocalDate.of(2000, 1, 1));
        if (!DeliveryJobJson.read(DeliveryJobJson.write(sample)).equals(sample)) {
            throw new IllegalStateException("the delivery job does not survive its JSON round trip");
        }
        loaded = count;
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing unique was made before the snapshot (see the class comment)
    }
}
