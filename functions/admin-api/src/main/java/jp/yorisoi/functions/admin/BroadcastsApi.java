package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import jp.yorisoi.delivery.Broadcast;
import jp.yorisoi.delivery.BroadcastPlanner;
import jp.yorisoi.delivery.BroadcastStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.MunicipalityStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStore.ActiveReader;
import jp.yorisoi.schedule.ProgramSchedule;

/**
 * Emergency broadcasts (緊急のお知らせ) of a town: {@code createBroadcast} sends one text per language to every active
 * reader now, through the job queues and the ledger ({@link BroadcastPlanner}), and {@code getBroadcast} reports its
 * progress. A broadcast needs {@code "confirm": true}; without it the answer is a 400 that says how many readers it
 * would reach, and nothing is written. The client's {@code idempotencyKey} names the broadcast: the same request
 * sent again is the same broadcast (planned again, which the ledger makes harmless), never a second one.
 */
public final class BroadcastsApi {

    /** Five texts of 5,000 characters in three-byte UTF-8 come to ~75 KB; more is not a broadcast. */
    static final int MAX_BODY_BYTES = 96 * 1024;
    /** A text is at most one LINE text object (5,000 UTF-16 units); the packing splits off the heading if needed. */
    static final int MAX_TEXT = 5_000;
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("[A-Za-z0-9_-]{8,64}");
    private static final Pattern BROADCAST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** Unknown fields and values of the wrong type are refused, not coerced ("5" is no boolean, 5 no text). */
    private static final ObjectMapper STRICT = strictMapper();

    private final MunicipalityStore municipalities;
    private final BroadcastStore broadcasts;
    private final BroadcastPlanner planner;
    private final AuditLog audit;
    private final Clock clock;

    public BroadcastsApi(MunicipalityStore municipalities, BroadcastStore broadcasts, BroadcastPlanner planner,
            AuditLog audit, Clock clock) {
        this.municipalities = municipalities;
        this.broadcasts = broadcasts;
        this.planner = planner;
        this.audit = audit;
        this.clock = clock;
    }

    public void register(Router router) {
        router.add("POST", "/admin/municipalities/{municipalityId}/broadcasts", this::create);
        router.add("GET", "/admin/municipalities/{municipalityId}/broadcasts/{broadcastId}", this::get);
    }

    /** The body of createBroadcast. */
    record CreateBroadcast(Map<String, String> texts, Boolean confirm, String idempotencyKey) {}

    ApiResponse create(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireEdit(municipalityId);
        CreateBroadcast body = read(request);
        String key = body.idempotencyKey();
        if (key == null || !IDEMPOTENCY_KEY.matcher(key).matches()) {
            throw ApiException.badRequest("idempotencyKey must be 8 to 64 letters, digits, '-' or '_'");
        }
        Map<String, String> texts = body.texts();
        if (texts == null || !texts.containsKey(Reader.DEFAULT_LANGUAGE)) {
            throw ApiException.badRequest("texts needs a text in " + Reader.DEFAULT_LANGUAGE);
        }
        texts.forEach((language, text) -> {
            if (text == null || text.isBlank() || text.length() > MAX_TEXT) {
                throw ApiException.badRequest("texts." + language + " must be 1 to " + MAX_TEXT + " characters");
            }
        });
        Municipality town = municipalities.find(municipalityId).filter(Municipality::active)
                .orElseThrow(() -> ApiException.notFound("no active municipality " + municipalityId));
        List<String> offered = town.languages();
        List<String> unknown = texts.keySet().stream()
                .filter(l -> !l.equals(Reader.DEFAULT_LANGUAGE) && !offered.contains(l)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest("the town offers no language " + String.join(", ", unknown)
                    + "; it offers " + String.join(", ", offered));
        }

        String broadcastId = UUID.nameUUIDFromBytes((municipalityId + "|" + key).getBytes(StandardCharsets.UTF_8))
                .toString();
        Optional<Broadcast> sentBefore = broadcasts.find(municipalityId, broadcastId);
        if (sentBefore.isPresent()) {
            return repeat(sentBefore.get(), texts);
        }
        List<ActiveReader> audience = planner.audience(municipalityId);
        if (!Boolean.TRUE.equals(body.confirm())) {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("error", "confirmation_required");
            answer.put("message", "this broadcast would reach " + audience.size() + " readers now; send it again with "
                    + "\"confirm\": true to send it");
            answer.put("readers", audience.size());
            return new ApiResponse(400, answer);
        }
        Broadcast broadcast = new Broadcast(municipalityId, broadcastId, texts,
                LocalDate.now(clock.withZone(ProgramSchedule.ZONE)), clock.instant(), request.caller().subject(),
                audience.size(), BroadcastPlanner.chunksFor(audience.size()), null);
        if (!broadcasts.create(broadcast)) {
            // the same request, sent twice at once: the other one created it
            return repeat(broadcasts.find(municipalityId, broadcastId).orElseThrow(), texts);
        }
        audit.record(request.caller(), municipalityId, "createBroadcast",
                Map.of("broadcastId", broadcastId, "readers", audience.size()));
        planner.plan(broadcast, audience);
        return new ApiResponse(202, view(broadcasts.find(municipalityId, broadcastId).orElseThrow()));
    }

    /**
     * A request with an idempotency key that was used before: the same broadcast, planned again (the answer to the
     * first may have been lost before every job was enqueued); a different text under the same key is a mistake.
     */
    private ApiResponse repeat(Broadcast broadcast, Map<String, String> texts) {
        if (!broadcast.texts().equals(Map.copyOf(texts))) {
            throw new ApiException(409, "conflict", "this idempotencyKey was used for another broadcast");
        }
        planner.plan(broadcast, planner.audience(broadcast.municipalityId()));
        return ApiResponse.ok(view(broadcasts.find(broadcast.municipalityId(), broadcast.broadcastId()).orElseThrow()));
    }

    ApiResponse get(ApiRequest request) {
        String municipalityId = request.pathParameters().get("municipalityId");
        request.caller().requireRead(municipalityId);
        String broadcastId = request.pathParameters().get("broadcastId");
        if (!BROADCAST_ID.matcher(broadcastId).matches()) {
            throw ApiException.notFound("no broadcast " + broadcastId);
        }
        return broadcasts.find(municipalityId, broadcastId)
                .map(b -> ApiResponse.ok(view(b)))
                .orElseThrow(() -> ApiException.notFound("no broadcast " + broadcastId));
    }

    /** What the console shows: counts and ids, the texts as staff wrote them, never a reader. */
    private static Map<String, Object> view(Broadcast broadcast) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("broadcastId", broadcast.broadcastId());
        view.put("municipalityId", broadcast.municipalityId());
        view.put("createdAt", broadcast.createdAt().toString());
        view.put("texts", broadcast.texts());
        view.put("readers", broadcast.readers());
        view.put("sent", broadcast.progress().sent());
        view.put("skipped", broadcast.progress().skipped());
        view.put("failed", broadcast.progress().failed());
        view.put("pending", broadcast.pending());
        return view;
    }

    private static CreateBroadcast read(ApiRequest request) {
        String contentType = request.header("content-type");
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw new ApiException(415, "unsupported_media_type", "send the body as application/json");
        }
        String body = request.body() == null ? "" : request.body();
        if (body.getBytes(StandardCharsets.UTF_8).length > MAX_BODY_BYTES) {
            throw new ApiException(413, "payload_too_large", "the body may be at most " + MAX_BODY_BYTES + " bytes");
        }
        try {
            CreateBroadcast parsed = STRICT.readValue(body, CreateBroadcast.class);
            if (parsed == null) {
                throw ApiException.badRequest("the body must be a JSON object");
            }
            return parsed;
        } catch (UnrecognizedPropertyException e) {
            throw ApiException.badRequest("unknown field " + e.getPropertyName() + "; fields are texts, confirm, "
                    + "idempotencyKey");
        } catch (JsonMappingException e) {
            String field = e.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : String.valueOf(r.getIndex()))
                    .collect(Collectors.joining("."));
            throw ApiException.badRequest(field.isEmpty() ? "the body must be a JSON object"
                    : field + " has the wrong type (texts: an object of strings, confirm: true or false, "
                            + "idempotencyKey: a string)");
        } catch (JsonProcessingException e) {
            throw ApiException.badRequest("the body is not valid JSON");
        }
    }

    private static ObjectMapper strictMapper() {
        JsonMapper mapper = JsonMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .build();
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        return mapper;
    }
}
