package jp.yorisoi.delivery;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Random;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.stubs.CrashingLedger;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.municipality.StaticChannelCredentials;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * "Was the baby born?" comes once (DOMAIN.md: birth report), even when the sender dies right after the day was
 * written off as sent: the question must already be on record by then, or the next day asks it again.
 */
class BirthQuestionAskedOnceIT {

    static final LocalDate DAY = LocalDate.of(2026, 11, 23);
    static final String USER = "U0123456789abcdef0123456789abcdef";

    final LocalTables tables = LocalTables.create();
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers());
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final WireMockServer line = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));

    @AfterEach
    void stopLine() {
        line.stop();
    }

    @Test
    void aSenderCrashAfterTheLedgerWriteDoesNotMakeTheNextDayAskAgain() {
        line.start();
        line.stubFor(post(urlEqualTo("/v2/bot/message/push")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"sentMessages\":[{\"id\":\"1\",\"quoteToken\":\"q\"}]}")));
        municipalities.save(new Municipality("sakura", "さくら市", "さくら市より", "さくら市こども家庭センター",
                Plan.BASE_ONLY, 3, 8, List.of("ja"), null, true));
        Reader reader = readers.save(Reader.newcomer("sakura", Channel.LINE, USER, Instant.parse("2026-01-01T00:00:00Z"))
                .withRole(Role.MOTHER).withStatus(ReaderStatus.ACTIVE)
                // due 14 days before DAY: 42w0d on DAY, the first day past the pregnancy track
                .withChildren(List.of(Child.expected("c1", DAY.minusDays(14)))));
        Ledger ledger = CrashingLedger.onceAfterWritingSent(new DynamoLedger(tables.dynamo(), tables.ledger()));
        DeliveryService sender = sender(ledger);

        DeliveryJob today = DeliveryJob.daily("sakura", reader.readerId(), Channel.LINE, DAY);
        assertThrows(IllegalStateException.class, () -> sender.deliver(today));
        assertEquals(DeliveryService.Outcome.ALREADY_DONE, sender.deliver(today));
        sender.deliver(DeliveryJob.daily("sakura", reader.readerId(), Channel.LINE, DAY.plusDays(1)));
        sender.deliver(DeliveryJob.daily("sakura", reader.readerId(), Channel.LINE, DAY.plusDays(2)));

        assertEquals(1, pushesAskingAboutTheBirth());
        assertEquals(DAY, readers.find("sakura", reader.readerId()).orElseThrow().children().getFirst().birthAskedOn());
    }

    private DeliveryService sender(Ledger ledger) {
        StaticChannelCredentials credentials = new StaticChannelCredentials(
                Map.of("sakura", new StaticChannelCredentials.Credentials("secret", "token")));
        LinePushChannel push = new LinePushChannel(credentials, URI.create(line.baseUrl()), Duration.ofSeconds(2),
                new Backoff(1, Duration.ZERO, Duration.ZERO, new Random(1)), Sleeper.REAL);
        return new DeliveryService(readers, municipalities,
                new ComposedDeliveryContent(new DayComposer(new DynamoCatalogue(tables.dynamo(), tables.content()))),
                ledger, push, null, null, DeliveryMetrics.NONE,
                Clock.fixed(Instant.parse("2026-11-22T23:00:00Z"), ZoneOffset.UTC));
    }

    private long pushesAskingAboutTheBirth() {
        return line.getAllServeEvents().stream()
                .map(ServeEvent::getRequest)
                .filter(r -> r.getUrl().equals("/v2/bot/message/push"))
                .filter(r -> r.getBodyAsString().contains("予定日を過ぎました"))
                .count();
    }

}
