package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import jp.yorisoi.content.Audience;
import jp.yorisoi.content.CalendarMessage;
import jp.yorisoi.content.ContentCsv;
import jp.yorisoi.content.ContentEntry;
import jp.yorisoi.content.ContentSets;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.schedule.Track;

/**
 * A town's calendar messages (月日指定メッセージ): created one by one for a date and an audience
 * ({@code createCalendarMessage}), listed from today on with those of the imported CSV
 * ({@code listCalendarMessages}), and deleted ({@code deleteCalendarMessage}). The senders' composer reads them
 * with the imported ones, so a created message goes out on its date to the readers it is for.
 */
public final class CalendarApi {

    /** Languages one message may carry: more than any town offers. */
    static final int MAX_LANGUAGES = 10;
    /** The last month of age in the longest program (the day before a 6th birthday). */
    static final int LAST_CHILD_MONTH = ProgramSchedule.MAX_END_BIRTHDAY * 12 - 1;
    private static final Set<String> FIELDS = Set.of("date", "texts", "audience");
    private static final Set<String> AUDIENCE_FIELDS = Set.of("track", "from", "to", "unit");

    private final MunicipalityStore municipalities;
    private final ContentSets sets;
    private final AuditLog audit;
    private final Clock clock;
    private final RandomGenerator random;

    public CalendarApi(MunicipalityStore municipalities, ContentSets sets, AuditLog audit, Clock clock,
            RandomGenerator random) {
        this.municipalities = municipalities;
        this.sets = sets;
        this.audit = audit;
        this.clock = clock;
        this.random = random;
    }

    public void register(Router router) {
        router.add("POST", "/admin/municipalities/{municipalityId}/calendar-messages", this::create);
        router.add("GET", "/admin/municipalities/{municipalityId}/calendar-messages", this::list);
        router.add("DELETE", "/admin/municipalities/{municipalityId}/calendar-messages/{messageId}", this::delete);
    }

    ApiResponse create(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireEdit(municipalityId);
        town(municipalityId);
        JsonFields body = JsonFields.of(request.jsonBody(), FIELDS);
        LocalDate date = body.date("date").orElseThrow(() -> ApiException.badRequest("date is required"));
        if (date.isBefore(today())) {
            throw ApiException.badRequest("date is in the past; a calendar message goes out on its date");
        }
        Map<String, String> texts = texts(body);
        Audience audience = body.object("audience", AUDIENCE_FIELDS).map(CalendarApi::audience)
                .orElse(Audience.EVERYONE);
        CalendarMessage message = new CalendarMessage(municipalityId, CalendarMessage.newId(date, random), date,
                audience, texts);
        sets.createCalendarMessage(message);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("messageId", message.messageId());
        details.put("date", date.toString());
        details.put("languages", texts.size());
        audit.record(request.caller(), municipalityId, "createCalendarMessage", details);
        return new ApiResponse(201, shown(message, false));
    }

    ApiResponse list(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        town(municipalityId);
        LocalDate from = today();
        List<Map<String, Object>> messages = new ArrayList<>();
        for (ContentSets.StoredCalendarMessage stored : sets.calendarMessages(municipalityId, from)) {
            messages.add(shown(stored.message(), stored.imported()));
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("municipalityId", municipalityId);
        answer.put("from", from.toString());
        answer.put("messages", messages);
        return ApiResponse.ok(answer);
    }

    ApiResponse delete(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireEdit(municipalityId);
        town(municipalityId);
        String messageId = request.pathParameters().get("messageId");
        if (!sets.deleteCalendarMessage(municipalityId, messageId)) {
            throw ApiException.notFound("no calendar message " + messageId + " created through the API; a message "
                    + "of the content CSV goes when its rows are removed and the CSV imported again");
        }
        audit.record(request.caller(), municipalityId, "deleteCalendarMessage", Map.of("messageId", messageId));
        return ApiResponse.ok(Map.of("messageId", messageId, "deleted", true));
    }

    private static Map<String, String> texts(JsonFields body) {
        JsonNode node = body.optional("texts").orElseThrow(() -> ApiException.badRequest("texts is required"));
        if (!node.isObject() || node.isEmpty()) {
            throw ApiException.badRequest("texts must be an object of language → text, with a ja text");
        }
        if (node.size() > MAX_LANGUAGES) {
            throw ApiException.badRequest("texts may hold at most " + MAX_LANGUAGES + " languages");
        }
        Map<String, String> texts = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String language = entry.getKey();
            if (!language.matches("[a-z]{2}(-[a-z]+)?")) {
                throw ApiException.badRequest("texts." + language + ": not a language code such as ja, ja-easy or en");
            }
            if (!entry.getValue().isTextual() || entry.getValue().asText().isBlank()) {
                throw ApiException.badRequest("texts." + language + " must be a text");
            }
            String text = entry.getValue().asText().strip();
            // LINE counts a text message's length in UTF-16 code units, as String.length() does
            if (text.length() > ContentEntry.MAX_TEXT_LENGTH) {
                throw ApiException.badRequest(String.format(Locale.ROOT, "texts.%s is %,d characters long; the "
                        + "limit is %,d", language, text.length(), ContentEntry.MAX_TEXT_LENGTH));
            }
            texts.put(language, text);
        }
        if (!texts.containsKey("ja")) {
            throw ApiException.badRequest("texts needs a ja text: readers of other languages fall back to it");
        }
        return texts;
    }

    private static Audience audience(JsonFields audience) {
        String trackName = audience.requiredText("track");
        Track track = switch (trackName) {
            case "pregnancy" -> Track.PREGNANCY;
            case "child" -> Track.CHILD;
            default -> throw ApiException.badRequest("audience.track must be pregnancy or child");
        };
        Audience.Unit unit = switch (audience.text("unit").orElse("days")) {
            case "days" -> Audience.Unit.DAYS;
            case "months" -> Audience.Unit.MONTHS;
            default -> throw ApiException.badRequest("audience.unit must be days or months");
        };
        if (unit == Audience.Unit.MONTHS && track != Track.CHILD) {
            throw ApiException.badRequest("audience.unit months is for the child track; pregnancy ranges are in days");
        }
        Integer from = audience.integer("from").orElse(null);
        Integer to = audience.integer("to").orElse(null);
        int first = track == Track.PREGNANCY ? ProgramSchedule.FIRST_PREGNANCY_DAY : 0;
        int last = track == Track.PREGNANCY ? ProgramSchedule.LAST_PREGNANCY_DAY
                : unit == Audience.Unit.MONTHS ? LAST_CHILD_MONTH : ContentCsv.LAST_CHILD_DAY;
        for (Integer bound : new Integer[] {from, to}) {
            if (bound != null && (bound < first || bound > last)) {
                throw ApiException.badRequest("audience.from and audience.to must lie in " + first + "–" + last
                        + " (" + trackName + ", " + unit.name().toLowerCase(Locale.ROOT) + ")");
            }
        }
        if (from != null && to != null && from > to) {
            throw ApiException.badRequest("audience.from must not be after audience.to");
        }
        return new Audience(track, from, to, unit);
    }

    private static Map<String, Object> shown(CalendarMessage message, boolean imported) {
        Map<String, Object> shown = new LinkedHashMap<>();
        shown.put("messageId", message.messageId());
        shown.put("date", message.date().toString());
        Audience audience = message.audience();
        if (audience.track() == null) {
            shown.put("audience", null);
        } else {
            Map<String, Object> a = new LinkedHashMap<>();
            a.put("track", audience.track().name().toLowerCase(Locale.ROOT));
            a.put("from", audience.fromDay());
            a.put("to", audience.toDay());
            a.put("unit", audience.unit().name().toLowerCase(Locale.ROOT));
            shown.put("audience", a);
        }
        shown.put("texts", new TreeMap<>(message.texts()));
        shown.put("source", imported ? "import" : "api");
        return shown;
    }

    private void town(String municipalityId) {
        if (municipalities.find(municipalityId).isEmpty()) {
            throw ApiException.notFound("no municipality " + municipalityId);
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ProgramSchedule.ZONE));
    }
}
