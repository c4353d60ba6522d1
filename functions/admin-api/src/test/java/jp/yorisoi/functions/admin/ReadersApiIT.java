package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.content.DynamoCatalogue;
import jp.yorisoi.delivery.DueReaders;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.delivery.LedgerEntry;
import jp.yorisoi.delivery.LedgerEntry.DeliveryStatus;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.privacy.ReaderErasure;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderIds;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** deleteReader through the admin handler, on DynamoDB Local: the reader and their ledger entries go. */
class ReadersApiIT {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:30:00Z"), ZoneOffset.UTC);
    static final String LINE_USER = "U0f9e8d7c6b5a49382716a5b4c3d2e1f0";

    final LocalTables tables = LocalTables.create();
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(),
            new ReaderIds("a-test-reader-id-key-of-32-bytes-or-more".getBytes(StandardCharsets.UTF_8)));
    final DynamoLedger ledger = new DynamoLedger(tables.dynamo(), tables.ledger(), tables.readers());
    final DynamoAuditLog audit = new DynamoAuditLog(tables.dynamo(), tables.names().get("AuditTable"), CLOCK);
    // the towns' LINE channel values and the staff directory are not what these tests are about: no SSM, no Cognito
    final AdminApiHandler handler = new AdminApiHandler(new AdminApiHandler.Ports(
            new DueReaders(municipalities, readers), run -> { }, audit, municipalities, null, null,
            new DynamoCatalogue(tables.dynamo(), tables.content()), new ReaderErasure(readers, ledger, CLOCK),
            TestPrograms.over(tables, LocalQueues.create()), CLOCK, new CatchUpWindow(7, 0)));

    /** The town's audit records, newest first, as listAudit reads them. */
    List<AuditRecord> audited() {
        return audit.page(Optional.of("demo"), 50, Optional.empty()).records();
    }

    ReadersApiIT() {
        municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8, List.of("ja"), null, true));
    }

    @Test
    void anOperatorDeletesAReaderByLineUserIdWithTheirLedgerAndTheAuditNamesNoAddress() throws IOException {
        Reader reader = reader(Channel.LINE, LINE_USER);
        record(reader, LocalDate.of(2026, 11, 21));
        record(reader, LocalDate.of(2026, 11, 22));

        APIGatewayV2HTTPResponse response = delete("{\"lineUserId\":\"" + LINE_USER + "\"}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertEquals(reader.readerId(), AdminApiHandlerIT.body(response).path("readerId").asText());
        assertEquals(2, AdminApiHandlerIT.body(response).path("ledgerEntries").asInt());
        assertTrue(readers.find("demo", reader.readerId()).isEmpty());
        assertTrue(ledger.find("demo", reader.readerId(), "2026-11-22").isEmpty());
        assertEquals(1, audited().size());
        assertEquals(ReadersApi.DELETE_READER, audited().getFirst().action());
        assertEquals("demo", audited().getFirst().municipalityId());
        assertFalse(audited().getFirst().toString().contains(LINE_USER));
    }

    @Test
    void anOperatorDeletesAReaderByEmailWhateverItsCase() throws IOException {
        Reader reader = reader(Channel.EMAIL, "parent@example.jp");

        APIGatewayV2HTTPResponse response = delete("{\"email\":\"Parent@Example.jp\"}");

        assertEquals(200, response.getStatusCode(), response.getBody());
        assertTrue(readers.find("demo", reader.readerId()).isEmpty());
    }

    @Test
    void anUnknownAddressIs404AndChangesNothing() throws IOException {
        Reader other = reader(Channel.LINE, LINE_USER);

        APIGatewayV2HTTPResponse response = delete("{\"lineUserId\":\"Unobody\"}");

        assertEquals(404, response.getStatusCode());
        assertEquals("not_found", AdminApiHandlerIT.body(response).path("error").asText());
        assertTrue(readers.find("demo", other.readerId()).isPresent());
        assertTrue(audited().isEmpty());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"lineUserId\":\"U1\",\"email\":\"a@b.jp\"}", "{\"email\":\"no-at-sign\"}",
            "{\"lineUserId\":7}", "{\"lineUserId\":\"  \"}", "not json"})
    void aRequestThatDoesNotNameExactlyOneAddressIs400(String body) throws IOException {
        reader(Channel.LINE, LINE_USER);

        APIGatewayV2HTTPResponse response = delete(body);

        assertEquals(400, response.getStatusCode(), response.getBody());
        assertEquals("bad_request", AdminApiHandlerIT.body(response).path("error").asText());
        assertTrue(readers.findByAddress("demo", Channel.LINE, LINE_USER).isPresent());
    }

    private APIGatewayV2HTTPResponse delete(String body) {
        return handler.handleRequest(AdminApiHandlerIT.request("POST", "municipalities/demo/reader-deletions",
                AdminApiHandlerIT.authorizedJson(), body), null);
    }

    private Reader reader(Channel channel, String address) {
        return readers.save(Reader.newcomer("demo", channel, address, CLOCK.instant())
                .withReaderId(readers.newReaderId("demo", channel, address))
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1)))));
    }

    private void record(Reader reader, LocalDate day) {
        DeliveryJob job = DeliveryJob.daily("demo", reader.readerId(), Channel.LINE, day);
        LedgerEntry sending = new LedgerEntry("demo", reader.readerId(), job.deliveryKey(), day,
                DeliveryStatus.SENDING, "LINE", null, 0, CLOCK.instant(), null);
        ledger.claim(sending, "claim-" + day, CLOCK.instant().minusSeconds(60));
    }
}
