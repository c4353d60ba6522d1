package jp.yorisoi.functions.admin;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.delivery.DeliveryContent;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.ChildStatus;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * {@code previewReader}: what a reader with a given due date or birth date (or twins) and language would be sent
 * through the town's LINE account, day by day, over a range of days. Each day is made by the senders' own
 * {@link DeliveryContent} — the message of the day's job for that reader, packed for LINE — so preview and
 * delivery cannot disagree. Nothing is stored and no one is sent anything.
 */
public final class PreviewApi {

    static final int DEFAULT_DAYS = 30;
    /** A quarter: long enough to follow a pregnancy month or a child's first 100 days, short enough for one request. */
    static final int MAX_DAYS = 92;
    private static final Set<String> FIELDS = Set.of("dueDate", "birthDate", "twins", "language", "from", "days");

    private final MunicipalityStore municipalities;
    private final Supplier<DeliveryContent> content;
    private final Clock clock;

    /** @param content the senders' content over a fresh per-request cache: one set per owner for the whole range */
    public PreviewApi(MunicipalityStore municipalities, Supplier<DeliveryContent> content, Clock clock) {
        this.municipalities = municipalities;
        this.content = content;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/admin/municipalities/{municipalityId}/preview", this::previewReader);
    }

    ApiResponse previewReader(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        Municipality town = municipalities.find(municipalityId)
                .orElseThrow(() -> ApiException.notFound("no municipality " + municipalityId));
        JsonFields body = JsonFields.of(request.jsonBody(), FIELDS);
        LocalDate dueDate = body.date("dueDate").orElse(null);
        LocalDate birthDate = body.date("birthDate").orElse(null);
        if ((dueDate == null) == (birthDate == null)) {
            throw ApiException.badRequest("give either dueDate or birthDate");
        }
        boolean twins = body.bool("twins").orElse(false);
        String language = body.text("language").orElse(town.languages().getFirst());
        if (!town.languages().contains(language)) {
            throw ApiException.badRequest("language must be one the town offers: " + String.join(", ", town.languages()));
        }
        LocalDate from = body.date("from").orElse(LocalDate.now(clock.withZone(ProgramSchedule.ZONE)));
        int days = body.integer("days").orElse(DEFAULT_DAYS);
        if (days < 1 || days > MAX_DAYS) {
            throw ApiException.badRequest("days must be from 1 to " + MAX_DAYS);
        }

        List<Child> children = new ArrayList<>();
        children.add(new Child("c1", dueDate, birthDate, ChildStatus.ACTIVE, null));
        if (twins) {
            children.add(new Child("c2", dueDate, birthDate, ChildStatus.ACTIVE, null));
        }
        Reader reader = previewReader(municipalityId, language, children);
        DeliveryContent senders = content.get();
        List<Map<String, Object>> shown = new ArrayList<>();
        for (int i = 0; i < days; i++) {
            LocalDate date = from.plusDays(i);
            DeliveryJob job = DeliveryJob.daily(municipalityId, reader.readerId(), Channel.LINE, date);
            DayMessage message = senders.messageFor(job, reader, town);
            Map<String, Object> day = new LinkedHashMap<>();
            day.put("date", date.toString());
            day.put("line", message.isEmpty() ? List.of() : senders.lineTexts(message));
            day.put("parts", message.parts().stream().map(PreviewApi::part).toList());
            shown.add(day);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("plan", planName(town));
        answer.put("language", language);
        answer.put("children", children.size());
        answer.put("days", shown);
        return ApiResponse.ok(answer);
    }

    /** A reader who registered long ago, so that every day of the range is composed as for a reader already there. */
    static Reader previewReader(String municipalityId, String language, List<Child> children) {
        String address = "preview";
        return new Reader(municipalityId, Reader.idFor(municipalityId, Channel.LINE, address), Channel.LINE, address,
                null, language, ReaderStatus.ACTIVE, children, Map.of(), Instant.EPOCH, Instant.EPOCH, 0);
    }

    private static Map<String, Object> part(DayMessage.Part part) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("kind", part.kind().name().toLowerCase(Locale.ROOT));
        shown.put("heading", part.heading());
        shown.put("text", part.text());
        return shown;
    }

    static String planName(Municipality town) {
        return town.plan().name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
