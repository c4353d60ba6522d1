package jp.yorisoi.functions.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import jp.yorisoi.functions.admin.ContentRig.Answer;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/** Importing, reading and checking texts through the routes, against DynamoDB Local. */
class ContentApiIT {

    /** 15:00 in Tokyo on 2026-12-02. */
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T06:00:00Z"), ZoneOffset.UTC);
    static final String HEADER = "track,day,language,text,audience,date\n";
    static final String TOWN_CSV = HEADER
            + "pregnancy,100,ja,（サンプル）両親学級のご案内,,\n"
            + "pregnancy,101,ja,（サンプル）妊婦健診の助成,,\n"
            + "calendar,,ja,（サンプル）子育てフェア,all,2027-01-15\n";

    final LocalTables tables = LocalTables.create();
    final ContentRig rig = new ContentRig(tables.dynamo(), tables.names(), CLOCK);

    ContentApiIT() {
        rig.municipalities.save(new Municipality("demo", "デモ市", "デモ市より", "", Plan.FULL, 3, 8,
                List.of("ja", "ja-easy"), null, true));
        rig.municipalities.save(new Municipality("yoso", "よそ町", "よそ町より", "", Plan.FULL, 3, 8, List.of("ja"),
                null, true));
        assertEquals(200, rig.csv(ContentRig.operator(), "/admin/content/base", "track,day,language,text\n"
                + "pregnancy,100,ja,（サンプル）妊娠14週2日の本文\n"
                + "pregnancy,101,ja,（サンプル）妊娠14週3日の本文\n"
                + "pregnancy,100,ja-easy,（サンプル）にんしん 14しゅう 2にち\n").status());
    }

    Answer getContent(String town, int day, String language) {
        return rig.call(ContentRig.viewer(town), "GET",
                "/admin/municipalities/" + town + "/content/pregnancy/" + day + "/" + language, null, null);
    }

    @Test
    void anEditorsImportReplacesTheTownsSetSoARemovedRowStopsBeingSentAndTheCountsAreAudited() {
        Answer first = rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", TOWN_CSV);
        assertEquals(200, first.status(), first.body().toString());
        assertEquals(2, first.body().path("texts").asInt());
        assertEquals(1, first.body().path("calendarMessages").asInt());
        assertEquals("（サンプル）妊婦健診の助成\nデモ市より", getContent("demo", 101, "ja").body().path("local").path("text").asText());

        Answer second = rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content",
                HEADER + "pregnancy,100,ja,（サンプル）両親学級は満席です,,\n");

        assertEquals(200, second.status(), second.body().toString());
        assertTrue(getContent("demo", 101, "ja").body().path("local").isNull(), "the removed row is not sent");
        assertEquals("（サンプル）両親学級は満席です\nデモ市より",
                getContent("demo", 100, "ja").body().path("local").path("text").asText());
        assertEquals(0, rig.json(ContentRig.viewer("demo"), "GET", "/admin/municipalities/demo/calendar-messages",
                null).body().path("messages").size(), "the calendar row left the file, so its message went");
        String version = second.body().path("version").asText();
        AuditRecord record = rig.audited().stream().filter(r -> version.equals(r.details().get("version")))
                .findFirst().orElseThrow();
        assertEquals("editor-demo", record.subject());
        assertEquals("demo", record.municipalityId());
        assertEquals("importLocalContent", record.action());
        assertEquals(Map.of("version", version, "texts", 1, "calendarMessages", 0), record.details());
    }

    @Test
    void aFileWithOneBadLineIsRefusedNamingTheLineAndChangesNothing() {
        rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", TOWN_CSV);
        int audited = rig.audited().size();

        Answer refused = rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", HEADER
                + "pregnancy,100,ja,（サンプル）新しい案内,,\n"
                + "pregnancy,300,ja,（サンプル）範囲外,,\n");

        assertEquals(400, refused.status());
        assertEquals("invalid_content", refused.error());
        assertTrue(refused.message().contains("line 3: day 300 is outside the pregnancy window"), refused.message());
        assertEquals("（サンプル）両親学級のご案内\nデモ市より",
                getContent("demo", 100, "ja").body().path("local").path("text").asText());
        assertEquals(audited, rig.audited().size());
    }

    @Test
    void aFileThatIsNotUtf8IsRefusedWithItsLine() {
        Answer refused = rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content",
                HEADER + "pregnancy,100,ja,\uFFFD\uFFFD,,\n");

        assertEquals(400, refused.status());
        assertTrue(refused.message().startsWith("line 2: the file is not UTF-8"), refused.message());
    }

    @Test
    void anOversizeBodyOrOneThatIsNotCsvIsRefusedAndWritesNothing() {
        String huge = HEADER + ("pregnancy,100,ja," + "あ".repeat(1000) + ",,\n").repeat(1400);

        assertEquals(413, rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", huge).status());
        assertEquals(415, rig.call(ContentRig.editor("demo"), "PUT", "/admin/municipalities/demo/content",
                "application/json", "{}").status());
        assertEquals("demo", rig.catalogue.activeSet("demo"), "no set became active");
        assertEquals(List.of(), rig.audited().stream().filter(e -> "demo".equals(e.municipalityId())).toList());
    }

    @Test
    void aViewerCannotImportContentAndAnotherTownsEditorCannotEither() {
        Answer viewer = rig.csv(ContentRig.viewer("demo"), "/admin/municipalities/demo/content", TOWN_CSV);
        Answer stranger = rig.csv(ContentRig.editor("yoso"), "/admin/municipalities/demo/content", TOWN_CSV);

        assertEquals(403, viewer.status());
        assertEquals(403, stranger.status());
        assertEquals("demo", rig.catalogue.activeSet("demo"));
    }

    @Test
    void theCallerIsCheckedBeforeTheBodySoAStrangerLearnsNothingFromABadFile() {
        Answer stranger = rig.csv(ContentRig.editor("yoso"), "/admin/municipalities/nowhere/content", "not a csv");

        assertEquals(403, stranger.status());
    }

    @Test
    void onlyAnOperatorReplacesTheBaseSetAndItMayHoldOnlyPregnancyAndChildRows() {
        assertEquals(403, rig.csv(ContentRig.editor("demo"), "/admin/content/base",
                "track,day,language,text\npregnancy,100,ja,（サンプル）\n").status());

        Answer birthday = rig.csv(ContentRig.operator(), "/admin/content/base",
                "track,day,language,text\nbirthday,1,ja,（サンプル）\n");

        assertEquals(400, birthday.status());
        assertTrue(birthday.message().contains("line 2"), birthday.message());
        assertEquals("（サンプル）妊娠14週2日の本文", getContent("demo", 100, "ja").body().path("base").path("text").asText());
        List<AuditRecord> baseImports = rig.audited().stream().filter(r -> r.action().equals("importBaseContent"))
                .toList();
        assertEquals(1, baseImports.size(), "only the accepted import of the set-up is recorded");
        assertEquals(null, baseImports.getFirst().municipalityId(), "the base belongs to no town");
    }

    @Test
    void anImportForAnUnknownTownIsNotFound() {
        assertEquals(404, rig.csv(ContentRig.operator(), "/admin/municipalities/nowhere/content", TOWN_CSV).status());
    }

    @Test
    void getContentShowsTheDayAsTheComposerUsesItWithTheJaFallbackAndTheTownsSignature() {
        rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", TOWN_CSV);

        JsonNode easy = getContent("demo", 100, "ja-easy").body();
        JsonNode fallback = getContent("demo", 101, "ja-easy").body();

        assertEquals("【にんしん 14しゅう 2にち】", easy.path("base").path("heading").asText(), "headings in the language asked");
        assertEquals("（サンプル）にんしん 14しゅう 2にち", easy.path("base").path("text").asText());
        assertEquals("（サンプル）妊娠14週3日の本文", fallback.path("base").path("text").asText(), "ja-easy falls back to ja");
        assertEquals("（サンプル）妊婦健診の助成\nデモ市より", fallback.path("local").path("text").asText());
    }

    @Test
    void getContentRefusesAnUnknownTrackADayOutsideItAndAStrangersTown() {
        assertEquals(400, rig.call(ContentRig.viewer("demo"), "GET", "/admin/municipalities/demo/content/adult/100/ja",
                null, null).status());
        assertEquals(400, getContent("demo", 294, "ja").status());
        assertEquals(400, rig.call(ContentRig.viewer("demo"), "GET",
                "/admin/municipalities/demo/content/child/x/ja", null, null).status());
        assertEquals(400, getContent("demo", 100, "JA").status());
        assertEquals(403, rig.call(ContentRig.viewer("yoso"), "GET",
                "/admin/municipalities/demo/content/pregnancy/100/ja", null, null).status());
    }

    @Test
    void lintFindsTheMissingJaEasyEditionsAndTheBaseGapsOfTheTownsContent() {
        rig.csv(ContentRig.editor("demo"), "/admin/municipalities/demo/content", TOWN_CSV);

        Answer lint = rig.call(ContentRig.viewer("demo"), "GET", "/admin/municipalities/demo/content/lint", null, null);

        assertEquals(200, lint.status(), lint.body().toString());
        JsonNode findings = lint.body().path("findings");
        assertTrue(findings.findValuesAsText("check").contains("no_base_text"), findings.toString());
        boolean localJaEasy = false;
        for (JsonNode finding : findings) {
            if (finding.path("check").asText().equals("missing_edition") && finding.path("owner").asText().equals("demo")
                    && finding.path("track").asText().equals("pregnancy")) {
                assertEquals("[100,101]", finding.path("days").toString());
                localJaEasy = true;
            }
        }
        assertTrue(localJaEasy, findings.toString());
        assertEquals(403, rig.call(ContentRig.viewer("yoso"), "GET", "/admin/municipalities/demo/content/lint", null,
                null).status());
    }
}
