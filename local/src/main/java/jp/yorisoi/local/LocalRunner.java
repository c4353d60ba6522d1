package jp.yorisoi.local;

import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import jp.yorisoi.aws.AwsClients;
import jp.yorisoi.aws.SecureParameters;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.SesMailChannel;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.functions.admin.AdminApiHandler;
import jp.yorisoi.functions.admin.CatchUpWindow;
import jp.yorisoi.functions.admin.DynamoAuditLog;
import jp.yorisoi.functions.admin.SsmChannelSecrets;
import jp.yorisoi.functions.admin.FanOutTrigger;
import jp.yorisoi.functions.linewebhook.LineWebhookHandler;
import jp.yorisoi.functions.mailpages.MailPagesHandler;
import jp.yorisoi.line.DynamoProcessedEvents;
import jp.yorisoi.line.LineReplyChannel;
import jp.yorisoi.mail.DynamoCounters;
import jp.yorisoi.mail.MailSettings;
import jp.yorisoi.mail.MailSignup;
import jp.yorisoi.municipality.ChannelCredentials;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.registration.DayPreview;
import jp.yorisoi.testkit.CognitoTokens;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.LocalSqs;
import jp.yorisoi.testkit.TemplateResources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The whole service on one machine ({@code ./run-local}): DynamoDB Local and ElasticMQ in this JVM (or the
 * emulator at AWS_ENDPOINT_URL) with the tables and queues of template.yaml, the Lambda handlers behind an HTTP
 * server that speaks API Gateway's event format on the template's stage (http://localhost:3000/dev/...), and a
 * sandbox that catches every LINE message and e-mail.
 */
public final class LocalRunner implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(LocalRunner.class);

    private final LocalConfig config;
    private final LocalServer server;
    private final LocalServices services;
    private final Optional<ContentDirectory.Summary> seeded;
    private final Optional<DemoSignIn> signIn;
    private final Deque<AutoCloseable> resources;

    private LocalRunner(LocalConfig config, LocalServer server, LocalServices services,
                        Optional<ContentDirectory.Summary> seeded, Optional<DemoSignIn> signIn,
                        Deque<AutoCloseable> resources) {
        this.config = config;
        this.server = server;
        this.services = services;
        this.seeded = seeded;
        this.signIn = signIn;
        this.resources = resources;
    }

    public static void main(String[] args) throws Exception {
        LocalConfig config;
        try {
            config = LocalConfig.fromEnvironment(System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("run-local: " + e.getMessage());
            System.exit(2);
            return;
        }
        LocalRunner runner = start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            runner.close();
            stopped.countDown();
        }));
        System.out.println(runner.banner());
        stopped.await();
    }

    /** Starts everything; on failure, stops what had started and rethrows. */
    public static LocalRunner start(LocalConfig config) throws IOException {
        Deque<AutoCloseable> resources = new ArrayDeque<>();
        try {
            Clock clock = config.clock();
            List<LocalChannel> channels = List.of(new LocalChannel(
                    LocalConfig.DEMO_MUNICIPALITY, config.demoChannelSecret(), config.demoChannelToken()));
            DynamoDbClient dynamoDb;
            SqsClient sqs;
            if (config.awsEndpoint().isPresent()) {
                AwsClients aws = AwsClients.forEmulator(config.awsEndpoint().get());
                dynamoDb = aws.dynamoDb();
                sqs = aws.sqs();
            } else {
                LocalDynamo dynamo = LocalDynamo.start(0);
                resources.push(dynamo);
                LocalSqs queues = LocalSqs.start(0);
                resources.push(queues);
                dynamoDb = dynamo.client();
                sqs = queues.client();
            }
            resources.push(dynamoDb);
            resources.push(sqs);

            TemplateResources template = TemplateResources.locate();
            Map<String, String> tables = template.createTables(dynamoDb, "");
            Map<String, String> queueUrls = template.createQueues(sqs, "");
            MunicipalityStore municipalities =
                    new DynamoMunicipalityStore(dynamoDb, LocalServices.lookup(tables, "MunicipalitiesTable", "table"));

            // the API on the stage a deploy with the template's defaults has: the same paths as the invoke URL
            LocalServer server = LocalServer.bind(config.port(), template.apiStage(LocalServer.API),
                    new Outbox(Clock.systemUTC()),
                    token -> channels.stream().filter(c -> c.accessToken().equals(token))
                            .map(LocalChannel::municipalityId).findFirst(),
                    sender -> municipalities.listActive().stream()
                            .filter(m -> sender.equalsIgnoreCase(m.senderEmail()))
                            .map(Municipality::municipalityId).findFirst());
            resources.push(server);
            Optional<DemoSignIn> signIn = authorize(config, server);
            SesV2Client ses = config.awsEndpoint().map(endpoint -> AwsClients.forEmulator(endpoint).ses())
                    .orElseGet(() -> AwsClients.forEmulator(server.baseUri()).ses());
            resources.push(ses);

            // A bare origin, like https://api.line.me: the LINE SDK refuses a base URL whose path lacks a trailing
            // slash and drops that path anyway. The fake LINE API answers at /v2/bot/... and /line-api/v2/bot/....
            URI lineApi = config.lineApiBaseUrl().orElse(server.baseUri());
            SecureParameters parameters = config.awsEndpoint()
                    .<SecureParameters>map(endpoint -> AwsClients.forEmulator(endpoint).ssm())
                    .orElseGet(LocalParameters::new);
            LocalServices services = new LocalServices(clock, dynamoDb, sqs, ses, tables, queueUrls, channels,
                    lineApi, config.adminToken(), parameters);

            Optional<ContentDirectory.Summary> seeded = ContentDirectory.inCheckout().map(dir -> ContentDirectory.read(dir)
                    .writeTo(new DynamoCatalogue(dynamoDb, services.table("ContentTable")), municipalities));
            LocalDelivery delivery = new LocalDelivery(services);
            routes(services, delivery.fanOut(), config.catchUpWindow(), server.apiBaseUri(), server.routes());
            // What Lambda's triggers do in the cloud: the job queues drained into the senders, the hourly fan-out.
            // mail links point at the pages on the API's stage, as MAIL_PAGES_BASE_URL does deployed
            delivery.start(server.apiBaseUri()).forEach(resources::push);
            server.serve();
            return new LocalRunner(config, server, services, seeded, signIn, resources);
        } catch (IOException | RuntimeException e) {
            closeAll(resources);
            throw e;
        }
    }

    /**
     * The JWT authorizer in front of the admin API: an outside issuer's keys when configured, else the runner's own
     * key with the demo sign-in (its issuer http://localhost:PORT/local, audience {@value #LOCAL_AUDIENCE}). Tokens
     * are checked against the wall clock, as API Gateway does, not against a pinned TODAY.
     */
    private static Optional<DemoSignIn> authorize(LocalConfig config, LocalServer server) {
        Optional<String> adminToken = Optional.of(config.adminToken());
        if (config.outsideIssuer().isPresent()) {
            LocalConfig.OutsideIssuer outside = config.outsideIssuer().get();
            server.authorizeWith(LocalAuthorizer.trusting(outside.jwksFile(), outside.issuer(), outside.audience(),
                    Clock.systemUTC(), adminToken), Optional.empty());
            return Optional.empty();
        }
        CognitoTokens own = CognitoTokens.generate(server.baseUri() + "/local", LOCAL_AUDIENCE, Clock.systemUTC());
        DemoSignIn signIn = new DemoSignIn(own);
        server.authorizeWith(LocalAuthorizer.ownKey(own, Clock.systemUTC(), adminToken), Optional.of(signIn));
        return Optional.of(signIn);
    }

    /** The SSM prefix of the local channel values, as the template's default stage names them. */
    static final String LOCAL_STAGE = "dev";

    /** The app client id the runner's own tokens are for. */
    static final String LOCAL_AUDIENCE = "yorisoi-local-console";

    /**
     * The HTTP API as template.yaml routes it, and the one place handlers are registered:
     * {@code POST /webhook/{municipalityId}} → {@code jp.yorisoi.functions.linewebhook.LineWebhookHandler}
     * (function "LineWebhookFunction") and {@code ANY /admin/{proxy+}} →
     * {@code jp.yorisoi.functions.admin.AdminApiHandler} ("AdminApiFunction"), and the e-mail pages
     * ({@code /signup/{municipalityId}}, {@code /mail/...}) → {@code jp.yorisoi.functions.mailpages.MailPagesHandler}
     * ("MailPagesFunction"), each built with its ports over {@code services}; the admin API with the local catch-up
     * window (days ahead allowed), the pages with the demo's fixed link key and links to {@code apiBase}.
     */
    static void routes(LocalServices services, FanOutService fanOut, CatchUpWindow catchUp, URI apiBase,
            ApiRoutes routes) {
        DynamoDbClient dynamo = services.dynamoDb();
        ChannelCredentials credentials = services.channelCredentials();
        routes.add("POST", "/webhook/{municipalityId}", "LineWebhookFunction", new LineWebhookHandler(
                new DynamoReaderStore(dynamo, services.table("ReadersTable")),
                new DynamoMunicipalityStore(dynamo, services.table("MunicipalitiesTable")),
                new DynamoProcessedEvents(dynamo, services.table("ProcessedEventsTable"), services.clock()),
                credentials,
                new LineReplyChannel(credentials, services.lineApiBaseUrl()),
                DayPreview.of(new DayComposer(new DynamoCatalogue(dynamo, services.table("ContentTable")))),
                services.clock()));
        // No Lambda here: the catch-up run is made in-process before the API answers, so that what the answer
        // counts is on the job queues when a simulation moves on (deployed, the fan-out function makes it later).
        FanOutTrigger inProcess = run -> fanOut.run(run.date(), Optional.of(run.municipalityId()), -1);
        // Audit records carry the wall-clock time of the change, not a pinned TODAY: staff act in real time.
        DynamoMunicipalityStore towns = new DynamoMunicipalityStore(dynamo, services.table("MunicipalitiesTable"));
        routes.addAuthorized("ANY", "/admin/{proxy+}", "AdminApiFunction", new AdminApiHandler(new AdminApiHandler.Ports(
                new DueReaders(towns, new DynamoReaderStore(dynamo, services.table("ReadersTable"))),
                inProcess,
                new DynamoAuditLog(dynamo, services.table("AuditTable"), Clock.systemUTC()),
                towns,
                new SsmChannelSecrets(services.parameters(), "/yorisoi/" + LOCAL_STAGE),
                new LocalStaffDirectory(),
                services.clock(),
                catchUp)));
        DynamoReaderStore readers = new DynamoReaderStore(dynamo, services.table("ReadersTable"));
        MailPagesHandler pages = new MailPagesHandler(
                new MailSignup(readers, towns, new DynamoCounters(dynamo, services.table("CountersTable")),
                        new SesMailChannel(services.ses(), Optional.empty()), services.clock()),
                new MailSettings(readers, towns, services.clock()), LocalDelivery.LOCAL_MAIL_LINK_SECRET,
                Optional.of(apiBase.toString()));
        // the template's routes of MailPagesFunction, one per method and path
        for (String route : List.of("GET /signup/{municipalityId}", "POST /signup/{municipalityId}",
                "GET /mail/confirm", "POST /mail/confirm", "GET /mail/settings", "POST /mail/settings",
                "GET /mail/unsubscribe", "POST /mail/unsubscribe")) {
            String[] methodAndPath = route.split(" ");
            routes.add(methodAndPath[0], methodAndPath[1], "MailPagesFunction", pages);
        }
    }

    public int port() {
        return server.port();
    }

    public URI baseUri() {
        return server.baseUri();
    }

    /** The HTTP API as its stage serves it: http://localhost:PORT/dev, no trailing slash. */
    public URI apiBaseUri() {
        return server.apiBaseUri();
    }

    public LocalServices services() {
        return services;
    }

    /** A demo user's ID token from the runner's own sign-in; empty when an outside issuer is trusted. */
    public Optional<String> demoIdToken(String username) {
        return signIn.flatMap(s -> DemoSignIn.USERS.stream().filter(u -> u.username().equals(username)).findFirst()
                .map(s::idToken));
    }

    public Outbox outbox() {
        return server.outbox();
    }

    /** What is served and how to try it, printed at start. */
    String banner() {
        URI base = server.baseUri();
        String webhook = server.apiBaseUri() + "/webhook/" + LocalConfig.DEMO_MUNICIPALITY;
        DemoWebhook follow = DemoWebhook.follow(config.demoChannelSecret(), services.clock().instant());
        String today = config.today().map(d -> d + " (TODAY, pinned)").orElse("the system clock, Asia/Tokyo");
        String aws = config.awsEndpoint()
                .map(uri -> uri + "   (DynamoDB, SQS and SES: e-mail goes there, not to the sandbox)")
                .orElse("DynamoDB Local and ElasticMQ in this JVM; e-mail to the sandbox");
        String content = seeded.map(Object::toString).orElse("none: no content/ directory beside template.yaml");
        return """

                yorisoi local runner on %1$s
                  sandbox        %1$s/sandbox   (every LINE reply/push and e-mail; JSON at /sandbox/messages)
                  LINE webhook   POST %2$s   (municipality "%3$s", channel secret "%4$s")
                  admin API      %12$s/admin/…   Authorization: Bearer <ID token>  (or ADMIN_TOKEN %5$s)
                  sign-in        %14$s
                  e-mail signup  %12$s/signup/%3$s   (its confirmation and every mail land in the sandbox)
                  LINE API       %6$s   (the fake one answers at /v2/bot/… and /line-api/v2/bot/…)
                  AWS            %7$s
                  today          %8$s   (POST /admin/runs: %13$s)
                  routes         %9$s
                  content        %10$s

                Try it: a signed follow event, as LINE sends when someone adds the town's account:
                  %11$s

                Or sign and send any event file:  scripts/line-webhook events/<file>.json
                Stop with Ctrl-C.
                """.formatted(base, webhook, LocalConfig.DEMO_MUNICIPALITY, config.demoChannelSecret(),
                config.adminToken(), services.lineApiBaseUrl(), aws, today, routeKeys(), content,
                follow.curl(webhook), server.apiBaseUri(),
                "the " + config.catchUpDays() + " days before today (CATCH_UP_DAYS) up to a month ahead",
                signInLines(base));
    }

    /** Where tokens come from: the demo sign-in and its users, or the outside issuer trusted. */
    private String signInLines(URI base) {
        if (signIn.isEmpty()) {
            LocalConfig.OutsideIssuer outside = config.outsideIssuer().orElseThrow();
            return "tokens of " + outside.issuer() + " for " + outside.audience() + " (keys: " + outside.jwksFile()
                    + ")";
        }
        StringBuilder lines = new StringBuilder(base + DemoSignIn.PATH + "   (form; or POST JSON "
                + "{\"username\",\"password\"} for {\"idToken\"})");
        for (DemoSignIn.DemoUser user : DemoSignIn.USERS) {
            lines.append("\n                 ").append(user.username()).append(" / ").append(user.password())
                    .append("   ").append(user.group())
                    .append(user.municipalityId() == null ? ", every town" : " of " + user.municipalityId());
        }
        return lines.toString();
    }

    private String routeKeys() {
        List<String> keys = server.routes().routes().stream().map(ApiRoutes.Route::routeKey).toList();
        return keys.isEmpty() ? "(no handlers registered)"
                : String.join(", ", keys) + "   (on stage \"" + server.stage() + "\", as deployed)";
    }

    @Override
    public synchronized void close() {
        closeAll(resources);
    }

    private static void closeAll(Deque<AutoCloseable> resources) {
        while (!resources.isEmpty()) {
            AutoCloseable resource = resources.pop();
            try {
                resource.close();
            } catch (Exception e) {
                log.warn("stopping {} failed", resource.getClass().getSimpleName(), e);
            }
        }
    }
}
