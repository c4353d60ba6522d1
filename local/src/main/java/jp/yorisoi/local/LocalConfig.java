package jp.yorisoi.local;

import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.functions.admin.CatchUpWindow;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * What the local runner is told by its environment: PORT, TODAY, the demo town's LINE channel, the operator
 * token, CATCH_UP_DAYS, where LINE and AWS are (the runner itself and in-JVM emulators unless said otherwise), and
 * whose tokens the admin API trusts (LOCAL_JWKS_FILE, LOCAL_JWT_ISSUER, LOCAL_JWT_AUDIENCE; else its own demo
 * sign-in).
 *
 * @param port           0 picks a free port (tests)
 * @param today          pins the date for everything the runner calls; empty = the system clock
 * @param lineApiBaseUrl empty = this runner, whose fake LINE API answers at /v2/bot/... like api.line.me
 * @param awsEndpoint    empty = DynamoDB Local and ElasticMQ in this JVM, e-mail to this runner's fake SES
 * @param catchUpDays    CATCH_UP_DAYS: how many days before TODAY the admin API still runs (days ahead, up to a
 *                       month, are always allowed locally so a simulation can move on)
 */
public record LocalConfig(
        int port,
        Optional<LocalDate> today,
        String demoChannelSecret,
        String demoChannelToken,
        String adminToken,
        Optional<URI> lineApiBaseUrl,
        Optional<URI> awsEndpoint,
        int catchUpDays,
        Optional<OutsideIssuer> outsideIssuer) {

    public static final String DEMO_MUNICIPALITY = "demo";

    /**
     * An identity provider the runner trusts instead of its own demo sign-in: its public keys (a JWKS file), the
     * {@code iss} its tokens carry and the audience (app client id) they are for, as the deployed JWT authorizer is
     * configured with the user pool's issuer and client ids.
     */
    public record OutsideIssuer(Path jwksFile, String issuer, String audience) {}

    /** The time of day a pinned TODAY stands still at: within the morning delivery window. */
    static final LocalTime PINNED_TIME = LocalTime.of(9, 0);

    public LocalConfig {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("PORT must be 0 to 65535, was " + port);
        }
        new CatchUpWindow(catchUpDays, 0);
    }

    /** The admin API's catch-up window here: CATCH_UP_DAYS back and a month ahead. */
    public CatchUpWindow catchUpWindow() {
        return CatchUpWindow.local(Map.of("CATCH_UP_DAYS", Integer.toString(catchUpDays)));
    }

    public static LocalConfig fromEnvironment(Map<String, String> env) {
        return new LocalConfig(
                parsePort(value(env, "PORT").orElse("3000")),
                value(env, "TODAY").map(LocalConfig::parseToday),
                value(env, "DEMO_CHANNEL_SECRET").orElse("demo-channel-secret"),
                value(env, "DEMO_CHANNEL_TOKEN").orElse("demo-channel-token"),
                value(env, "ADMIN_TOKEN").orElseGet(LocalConfig::randomToken),
                value(env, "LINE_API_BASE_URL").map(URI::create),
                value(env, "AWS_ENDPOINT_URL").map(URI::create),
                CatchUpWindow.daysBack(env),
                outsideIssuer(env));
    }

    /** All three of LOCAL_JWKS_FILE, LOCAL_JWT_ISSUER, LOCAL_JWT_AUDIENCE, or none. */
    private static Optional<OutsideIssuer> outsideIssuer(Map<String, String> env) {
        Optional<String> file = value(env, "LOCAL_JWKS_FILE");
        Optional<String> issuer = value(env, "LOCAL_JWT_ISSUER");
        Optional<String> audience = value(env, "LOCAL_JWT_AUDIENCE");
        if (file.isEmpty() && issuer.isEmpty() && audience.isEmpty()) {
            return Optional.empty();
        }
        if (file.isEmpty() || issuer.isEmpty() || audience.isEmpty()) {
            throw new IllegalArgumentException("set all of LOCAL_JWKS_FILE, LOCAL_JWT_ISSUER and LOCAL_JWT_AUDIENCE, "
                    + "or none of them for the runner's own demo sign-in");
        }
        return Optional.of(new OutsideIssuer(Path.of(file.get()), issuer.get(), audience.get()));
    }

    /** Defaults for tests: a free port, emulators in this JVM, a fixed operator token. */
    public static LocalConfig forTests(LocalDate today) {
        return new LocalConfig(0, Optional.of(today), "demo-channel-secret", "demo-channel-token",
                "test-admin-token", Optional.empty(), Optional.empty(), CatchUpWindow.DEFAULT_DAYS_BACK,
                Optional.empty());
    }

    /** As {@link #forTests}, trusting the tokens of an outside issuer (a test's own CognitoTokens). */
    public LocalConfig trusting(OutsideIssuer issuer) {
        return new LocalConfig(port, today, demoChannelSecret, demoChannelToken, adminToken, lineApiBaseUrl,
                awsEndpoint, catchUpDays, Optional.of(issuer));
    }

    /** TODAY pins the date (Asia/Tokyo, 09:00, not moving); otherwise the system clock in Asia/Tokyo. */
    public Clock clock() {
        return today.map(day -> Clock.fixed(day.atTime(PINNED_TIME).atZone(ProgramSchedule.ZONE).toInstant(),
                        ProgramSchedule.ZONE))
                .orElseGet(() -> Clock.system(ProgramSchedule.ZONE));
    }

    private static Optional<String> value(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("PORT must be a number, was '" + text + "'", e);
        }
    }

    private static LocalDate parseToday(String text) {
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("TODAY must be YYYY-MM-DD, was '" + text + "'", e);
        }
    }

    private static String randomToken() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
