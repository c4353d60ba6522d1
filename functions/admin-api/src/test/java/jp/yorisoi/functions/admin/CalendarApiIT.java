package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.DeliveryMetrics;
import jp.yorisoi.delivery.DeliveryService;
import jp.yorisoi.delivery.stubs.DeliveryRig;
import jp.yorisoi.delivery.stubs.LineStub;
import jp.yorisoi.delivery.stubs.SesStub;
import jp.yorisoi.functions.admin.ContentRig.Answer;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Calendar messages through the routes, against DynamoDB Local, and the senders' delivery of a created message on
 * its date (the LINE stub stands in for LINE).
 */
class CalendarApiIT {

    static final LocalDate EVENT = LocalDate.of(2027, 1, 15);
    /** 09:00 in Tokyo on 2026-12-02. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), ZoneId.of("Asia/Tokyo"));
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();
    static final String PATH = "/admin/municipalities/demo/calendar-messages";

    final DeliveryRig delivery = DeliveryRig.start(LINE, SES);
    final ContentRig rig = new ContentRig(delivery.dynamo, delivery.tables, CLOCK);

    CalendarApiIT() {
        delivery.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8,
                List.of("ja", "en"), null, true));
        delivery.municipalities.save(new Municipality("yoso", "よそ町", "よそ町より", "", Plan.FULL, 3, 8,
                List.of("ja"), null, true));
    }

    @AfterEach
    void closeRig() {
        delivery.close();
    }

    @AfterAll
    static void stopStubs() {
        LINE.close();
        SES.close();
    }

    static final String BODY = "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"（サンプル）4か月からの離乳食教室\","
            + "\"en\":\"(Sample) Weaning class from 4 months\"},\"audience\":{\"track\":\"child\",\"from\":4,\"to\":6,"
            + "\"unit\":\"months\"}}";

    @Test
    void anEditorCreatesListsAndDeletesACalendarMessageAndEachChangeIsAudited() {
        Answer created = rig.json(ContentRig.editor("demo"), "POST", PATH, BODY);

        assertEquals(201, created.status(), created.body().toString());
        String id = created.body().path("messageId").asText();
        assertTrue(id.startsWith("20270115-"), id);
        assertEquals("api", created.body().path("source").asText());
        JsonNode listed = rig.json(ContentRig.viewer("demo"), "GET", PATH, null).body().path("messages");
        assertEquals(1, listed.size());
        assertEquals(created.body(), listed.get(0));
        assertEquals("months", listed.get(0).path("audience").path("unit").asText());

        assertEquals(403, rig.json(ContentRig.viewer("demo"), "DELETE", PATH + "/" + id, null).status());
        assertEquals(200, rig.json(ContentRig.editor("demo"), "DELETE", PATH + "/" + id, null).status());
        assertEquals(404, rig.json(ContentRig.editor("demo"), "DELETE", PATH + "/" + id, null).status());
        assertEquals(0, rig.json(ContentRig.viewer("demo"), "GET", PATH, null).body().path("messages").size());
        List<AuditRecord> audited = rig.audited();
        assertEquals(List.of("createCalendarMessage", "deleteCalendarMessage"),
                audited.stream().map(AuditRecord::action).sorted().toList());
        assertTrue(audited.stream().allMatch(r -> r.subject().equals("editor-demo") && r.municipalityId().equals("demo")));
        assertEquals(Map.of("messageId", id), audited.stream().filter(r -> r.action().equals("deleteCalendarMessage"))
                .findFirst().orElseThrow().details());
    }

    @Test
    void aCreatedMessageIsDeliveredOnItsDateToTheReadersItIsForAndNoOneElse() {
        assertEquals(201, rig.json(ContentRig.editor("demo"), "POST", PATH, BODY).status());
        // five months old on the event day, and a newborn outside the audience
        Reader inAudience = reader("U5months", "en", Child.born("c1", EVENT.minusMonths(5)));
        Reader tooYoung = reader("Unewborn", "ja", Child.born("c1", EVENT.minusDays(10)));
        // the senders at 08:00 on the event day, with a LINE read time-out long enough for a busy machine
        DeliveryService senders = delivery.deliveries(delivery.ledger, DeliveryMetrics.NONE,
                Clock.fixed(Instant.parse("2027-01-14T23:00:00Z"), ZoneId.of("Asia/Tokyo")), Duration.ofSeconds(10));

        assertEquals(DeliveryService.Outcome.SENT, senders.deliver(DeliveryJob.daily("demo", inAudience.readerId(),
                Channel.LINE, EVENT)));
        senders.deliver(DeliveryJob.daily("demo", tooYoung.readerId(), Channel.LINE, EVENT));

        List<String> pushed = LINE.acceptedFor("U5months").getFirst().texts();
        assertTrue(String.join("\n", pushed).contains("(Sample) Weaning class from 4 months\nデモ市より"), pushed.toString());
        assertTrue(LINE.acceptedFor("Unewborn").stream().flatMap(a -> a.texts().stream())
                .noneMatch(t -> t.contains("離乳食教室")));
    }

    private Reader reader(String lineUserId, String language, Child child) {
        return delivery.readers.save(Reader.newcomer("demo", Channel.LINE, lineUserId, Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withLanguage(language).withChildren(List.of(child)));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"colour\":\"red\"}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"en\":\"x\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":5}}",
            "{\"date\":\"2027-01-15\",\"texts\":[\"x\"]}",
            "{\"date\":\"2027-01-15\"}",
            "{\"date\":\"2027-02-30\",\"texts\":{\"ja\":\"x\"}}",
            "{\"date\":\"15/01/2027\",\"texts\":{\"ja\":\"x\"}}",
            "{\"date\":20270115,\"texts\":{\"ja\":\"x\"}}",
            "{\"date\":\"2026-12-01\",\"texts\":{\"ja\":\"x\"}}",
            "{\"date\":\"9999-01-01\",\"texts\":{\"ja\":\"x\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"JA\":\"x\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"   \"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"adult\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"child\",\"from\":9,\"to\":3}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"child\",\"from\":-1}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"child\",\"to\":72,\"unit\":\"months\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"pregnancy\",\"unit\":\"months\"}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"child\",\"from\":1.5}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":{\"track\":\"child\",\"age\":3}}",
            "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"x\"},\"audience\":\"child\"}",
            "[]",
            "not json"})
    void aBadBodyIsRefusedWithAReasonAndWritesNothing(String body) {
        Answer refused = rig.json(ContentRig.editor("demo"), "POST", PATH, body);

        assertEquals(400, refused.status(), refused.body().toString());
        assertTrue(!refused.message().isBlank());
        assertEquals(0, rig.json(ContentRig.viewer("demo"), "GET", PATH, null).body().path("messages").size());
        assertEquals(List.of(), rig.audited());
    }

    @Test
    void aTextOverLinesLimitCountedInUtf16UnitsIsRefused() {
        String apples = "🍎".repeat(2501);
        Answer refused = rig.json(ContentRig.editor("demo"), "POST", PATH,
                "{\"date\":\"2027-01-15\",\"texts\":{\"ja\":\"" + apples + "\"}}");

        assertEquals(400, refused.status());
        assertTrue(refused.message().contains("5,002"), refused.message());
    }

    @Test
    void anotherTownsStaffAndUnknownTownsAreRefused() {
        assertEquals(403, rig.json(ContentRig.editor("yoso"), "POST", PATH, BODY).status());
        assertEquals(403, rig.json(ContentRig.viewer("yoso"), "GET", PATH, null).status());
        assertEquals(404, rig.json(ContentRig.operator(), "POST", "/admin/municipalities/nowhere/calendar-messages",
                BODY).status());
        assertEquals(415, rig.call(ContentRig.editor("demo"), "POST", PATH, "text/plain", BODY).status());
    }
}
