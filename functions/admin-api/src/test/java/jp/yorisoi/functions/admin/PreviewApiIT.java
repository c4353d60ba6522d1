package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
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

/** The preview against the senders: the same reader on the same days gets exactly what the preview shows. */
class PreviewApiIT {

    static final LocalDate FROM = LocalDate.of(2027, 1, 14);
    static final LocalDate DUE = FROM.plusDays(280 - 100);
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T00:00:00Z"), TOKYO);
    static final LineStub LINE = new LineStub();
    static final SesStub SES = new SesStub();
    static final String PATH = "/admin/municipalities/demo/preview";

    final DeliveryRig delivery = DeliveryRig.start(LINE, SES);
    final ContentRig rig = new ContentRig(delivery.dynamo, delivery.tables, CLOCK);

    PreviewApiIT() {
        delivery.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8,
                List.of("ja", "ja-easy"), null, true));
        assertEquals(200, rig.csv(ContentRig.operator(), "/admin/content/base", "track,day,language,text\n"
                + "pregnancy,100,ja,（サンプル）14週2日\n"
                + "pregnancy,101,ja,（サンプル）14週3日\n"
                + "pregnancy,102,ja,（サンプル）14週4日\n"
                + "pregnancy,101,ja-easy,（サンプル）14しゅう3にち\n").status());
        assertEquals(200, rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content",
                "track,day,language,text,audience,date\n"
                        + "pregnancy,101,ja,（サンプル）母親学級のご案内,,\n"
                        + "calendar,,ja,（サンプル）妊婦さんの集い,pregnancy:90-110,2027-01-16\n").status());
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

    @Test
    void thePreviewIsExactlyWhatTheSendersDeliverToTheSameReaderOnTheSameDays() {
        Answer preview = rig.json(ContentRig.viewer("demo"), "POST", PATH,
                "{\"dueDate\":\"" + DUE + "\",\"twins\":true,\"language\":\"ja-easy\",\"from\":\"" + FROM
                        + "\",\"days\":4}");
        assertEquals(200, preview.status(), preview.body().toString());

        Reader twinsParent = delivery.readers.save(Reader.newcomer("demo", Channel.LINE, "Utwins", Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE).withLanguage("ja-easy")
                .withChildren(List.of(Child.expected("c1", DUE), Child.expected("c2", DUE))));
        List<List<String>> delivered = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            LocalDate day = FROM.plusDays(i);
            // the senders at 08:00 that day, with a LINE read time-out long enough for a busy machine
            Clock eight = Clock.fixed(day.atTime(8, 0).atZone(TOKYO).toInstant(), TOKYO);
            DeliveryService senders = delivery.deliveries(delivery.ledger, DeliveryMetrics.NONE, eight,
                    Duration.ofSeconds(10));
            int before = LINE.acceptedFor("Utwins").size();
            senders.deliver(DeliveryJob.daily("demo", twinsParent.readerId(), Channel.LINE, day));
            List<LineStub.Accepted> pushes = LINE.acceptedFor("Utwins");
            delivered.add(pushes.size() > before ? pushes.getLast().texts() : List.of());
        }

        List<List<String>> previewed = new ArrayList<>();
        for (JsonNode day : preview.body().path("days")) {
            List<String> texts = new ArrayList<>();
            day.path("line").forEach(t -> texts.add(t.asText()));
            previewed.add(texts);
        }
        assertEquals(delivered, previewed);
        assertEquals(List.of(), previewed.get(3), "day 103 has no text: nothing is sent, and the preview says so");
        assertTrue(previewed.get(1).getFirst().contains("（サンプル）14しゅう3にち"), previewed.toString());
        assertTrue(String.join("", previewed.get(2)).contains("妊婦さんの集い"), previewed.toString());
    }

    @Test
    void withoutARangeThePreviewShowsThirtyDaysFromTodayInTheTownsFirstLanguage() {
        Answer preview = rig.json(ContentRig.viewer("demo"), "POST", PATH, "{\"birthDate\":\"2026-11-30\"}");

        assertEquals(200, preview.status(), preview.body().toString());
        assertEquals(30, preview.body().path("days").size());
        assertEquals("2026-12-02", preview.body().path("days").get(0).path("date").asText());
        assertEquals("ja", preview.body().path("language").asText());
        assertEquals(1, preview.body().path("children").asInt());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "{}",
            "{\"dueDate\":\"2027-06-01\",\"birthDate\":\"2026-11-01\"}",
            "{\"dueDate\":\"2027-06-31\"}",
            "{\"dueDate\":\"1900-01-01\"}",
            "{\"dueDate\":\"2027-06-01\",\"days\":0}",
            "{\"dueDate\":\"2027-06-01\",\"days\":93}",
            "{\"dueDate\":\"2027-06-01\",\"days\":\"30\"}",
            "{\"dueDate\":\"2027-06-01\",\"twins\":\"yes\"}",
            "{\"dueDate\":\"2027-06-01\",\"language\":\"en\"}",
            "{\"dueDate\":\"2027-06-01\",\"from\":\"+999999999-12-31\"}",
            "{\"dueDate\":\"2027-06-01\",\"triplets\":true}",
            "[\"2027-06-01\"]"})
    void aBadRequestIsRefusedWithAReason(String body) {
        Answer refused = rig.json(ContentRig.viewer("demo"), "POST", PATH, body);

        assertEquals(400, refused.status(), refused.body().toString());
        assertTrue(!refused.message().isBlank());
    }

    @Test
    void anotherTownsStaffCannotPreviewThisTownsContent() {
        Map<String, String> stranger = ContentRig.viewer("yoso");

        assertEquals(403, rig.json(stranger, "POST", PATH, "{\"dueDate\":\"2027-06-01\"}").status());
        assertEquals(404, rig.json(ContentRig.operator(), "POST", "/admin/municipalities/nowhere/preview",
                "{\"dueDate\":\"2027-06-01\"}").status());
    }
}
