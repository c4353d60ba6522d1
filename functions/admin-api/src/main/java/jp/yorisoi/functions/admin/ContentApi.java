package jp.yorisoi.functions.admin;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jp.yorisoi.content.Catalogue;
import jp.yorisoi.content.ContentCsv;
import jp.yorisoi.content.ContentImport;
import jp.yorisoi.content.ContentImportException;
import jp.yorisoi.content.ContentLint;
import jp.yorisoi.content.ContentOwner;
import jp.yorisoi.content.ContentSets;
import jp.yorisoi.content.DayComposer;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * The towns' texts: importing a town's CSV ({@code importLocalContent}) or the base CSV ({@code importBaseContent})
 * as the owner's whole new set, reading one day's texts as the composer uses them ({@code getContent}), and
 * checking a town's content before its readers get it ({@code lintContent}).
 */
public final class ContentApi {

    /**
     * The largest CSV taken in one request. Lambda takes a synchronous request of at most 6 MB, and API Gateway
     * hands a body it does not treat as text to Lambda base64-encoded (4 bytes for every 3), so a 4 MB file still
     * fits with its headers. The full base set in three languages is about 3 MB.
     */
    static final int MAX_CSV_BYTES = 4_000_000;

    private final MunicipalityStore municipalities;
    private final Catalogue catalogue;
    private final ContentSets sets;
    private final AuditLog audit;
    private final Clock clock;

    public ContentApi(MunicipalityStore municipalities, Catalogue catalogue, ContentSets sets, AuditLog audit,
            Clock clock) {
        this.municipalities = municipalities;
        this.catalogue = catalogue;
        this.sets = sets;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("PUT", "/admin/municipalities/{municipalityId}/content", this::importLocalContent);
        router.add("PUT", "/admin/content/base", this::importBaseContent);
        router.add("GET", "/admin/municipalities/{municipalityId}/content/{track}/{day}/{language}", this::getContent);
        router.add("GET", "/admin/municipalities/{municipalityId}/content/lint", this::lintContent);
    }

    ApiResponse importLocalContent(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireEdit(municipalityId);
        town(municipalityId);
        return importSet(request, municipalityId, "importLocalContent");
    }

    ApiResponse importBaseContent(ApiRequest request) {
        request.caller().requireOperator();
        return importSet(request, ContentOwner.BASE, "importBaseContent");
    }

    private ApiResponse importSet(ApiRequest request, String owner, String operation) {
        ContentImport content = parse(request, owner);
        ContentSets.Replaced replaced;
        try {
            replaced = sets.replace(owner, content, Instant.now(clock));
        } catch (ContentSets.ConcurrentImportException e) {
            throw new ApiException(409, "conflict", "another import of these texts finished first; nothing of this "
                    + "one is used. Check the texts and import again");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("version", replaced.version());
        details.put("texts", replaced.texts());
        details.put("calendarMessages", replaced.calendarMessages());
        audit.record(request.caller(), ContentOwner.BASE.equals(owner) ? null : owner, operation, details);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("owner", owner);
        answer.putAll(details);
        return ApiResponse.ok(answer);
    }

    /** The body as a validated import; every problem of the file in one 400, with its line numbers. */
    private static ContentImport parse(ApiRequest request, String owner) {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("text/csv")) {
            throw new ApiException(415, "unsupported_media_type", "send the texts as text/csv (UTF-8)");
        }
        String body = request.body() == null ? "" : request.body();
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > MAX_CSV_BYTES) {
            throw new ApiException(413, "payload_too_large", String.format(Locale.ROOT,
                    "the file is %,d bytes; the limit is %,d: split the base texts by language", bytes.length,
                    MAX_CSV_BYTES));
        }
        int replaced = body.indexOf('\uFFFD');
        if (replaced >= 0) {
            // the handler decoded the bytes as UTF-8; a byte that is not UTF-8 became U+FFFD
            int line = (int) body.substring(0, replaced).chars().filter(c -> c == '\n').count() + 1;
            throw new ApiException(400, "invalid_content", "line " + line + ": the file is not UTF-8 text; save it "
                    + "as \"CSV UTF-8\" (in Excel: Save As, CSV UTF-8). Nothing was imported");
        }
        try {
            return ContentCsv.parse(new ByteArrayInputStream(bytes), owner);
        } catch (ContentImportException e) {
            throw new ApiException(400, "invalid_content", e.getMessage() + "\nNothing was imported.");
        }
    }

    ApiResponse getContent(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        Municipality town = town(municipalityId);
        Track track = track(request.pathParameters().get("track"));
        int day = day(track, request.pathParameters().get("day"));
        String language = request.pathParameters().get("language");
        if (!language.matches("[a-z]{2}(-[a-z]+)?")) {
            throw ApiException.badRequest("language must be a code such as ja, ja-easy or en");
        }
        // the composer's own day for one child at that position, today: the texts, fallback and signature it uses
        LocalDate today = LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
        Child child = track == Track.PREGNANCY
                ? Child.expected("c1", today.plusDays(ProgramSchedule.DUE_DAY - day))
                : Child.born("c1", today.minusDays(day));
        Reader reader = new Reader(municipalityId, "content", Channel.LINE, "content", null, language,
                ReaderStatus.ACTIVE, List.of(child), Map.of(), Instant.EPOCH, Instant.EPOCH, 0);
        DayMessage composed = new DayComposer(catalogue).compose(reader, town, today);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("track", track.name().toLowerCase(Locale.ROOT));
        answer.put("day", day);
        answer.put("language", language);
        answer.put("plan", PreviewApi.planName(town));
        answer.put("base", part(composed, DayMessage.PartKind.BASE));
        answer.put("local", part(composed, DayMessage.PartKind.LOCAL));
        return ApiResponse.ok(answer);
    }

    private static Map<String, Object> part(DayMessage message, DayMessage.PartKind kind) {
        return message.parts().stream().filter(p -> p.kind() == kind).findFirst().map(p -> {
            Map<String, Object> part = new LinkedHashMap<>();
            part.put("heading", p.heading());
            part.put("text", p.text());
            return part;
        }).orElse(null);
    }

    ApiResponse lintContent(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        Municipality town = town(municipalityId);
        LocalDate today = LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
        List<ContentLint.Finding> findings = ContentLint.check(town, sets.entries(ContentOwner.BASE),
                sets.entries(municipalityId),
                sets.calendarMessages(municipalityId, today).stream().map(ContentSets.StoredCalendarMessage::message)
                        .toList(), today);
        List<Map<String, Object>> shown = new ArrayList<>();
        for (ContentLint.Finding f : findings) {
            Map<String, Object> finding = new LinkedHashMap<>();
            finding.put("check", f.check().name().toLowerCase(Locale.ROOT));
            finding.put("severity", f.severity().name().toLowerCase(Locale.ROOT));
            finding.put("owner", f.owner());
            finding.put("language", f.language());
            finding.put("track", f.track() == null ? null : f.track().name().toLowerCase(Locale.ROOT));
            finding.put("days", f.days());
            finding.put("date", f.date() == null ? null : f.date().toString());
            finding.put("message", f.message());
            shown.add(finding);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("plan", PreviewApi.planName(town));
        answer.put("languages", town.languages());
        answer.put("today", today.toString());
        answer.put("errors", findings.stream().filter(f -> f.severity() == ContentLint.Severity.ERROR).count());
        answer.put("warnings", findings.stream().filter(f -> f.severity() == ContentLint.Severity.WARNING).count());
        answer.put("findings", shown);
        return ApiResponse.ok(answer);
    }

    private Municipality town(String municipalityId) {
        return municipalities.find(municipalityId)
                .orElseThrow(() -> ApiException.notFound("no municipality " + municipalityId));
    }

    private static Track track(String value) {
        return switch (value) {
            case "pregnancy" -> Track.PREGNANCY;
            case "child" -> Track.CHILD;
            default -> throw ApiException.badRequest("track must be pregnancy or child");
        };
    }

    private static int day(Track track, String value) {
        int first = track == Track.PREGNANCY ? ProgramSchedule.FIRST_PREGNANCY_DAY : 0;
        int last = track == Track.PREGNANCY ? ProgramSchedule.LAST_PREGNANCY_DAY : ContentCsv.LAST_CHILD_DAY;
        int day = value.matches("\\d{1,5}") ? Integer.parseInt(value) : -1;
        if (day < first || day > last) {
            throw ApiException.badRequest("day must be a whole number from " + first + " to " + last + " on the "
                    + track.name().toLowerCase(Locale.ROOT) + " track");
        }
        return day;
    }
}
