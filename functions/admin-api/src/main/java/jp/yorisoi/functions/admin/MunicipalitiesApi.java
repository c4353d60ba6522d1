package jp.yorisoi.functions.admin;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;

/**
 * The towns: {@code POST /admin/municipalities} (createMunicipality, operators), {@code GET /admin/municipalities}
 * (listMunicipalities: operators every town, staff their own), {@code GET} and {@code PATCH
 * /admin/municipalities/{municipalityId}} (getMunicipality for the town's staff, updateMunicipality for its editors;
 * operators any town). The LINE channel secret and access token are write-only: stored through
 * {@link ChannelSecrets}, answered only as whether each is set. The plan, whether the town is active and its sender
 * address are the operators' to change (contract and SES identity); the rest is the town's.
 *
 * <p>Everything is validated before anything is written; then the channel values are stored before the record,
 * so a failure in between leaves a request that can be sent again as it was.
 */
public final class MunicipalitiesApi {

    static final int MAX_BODY_BYTES = 16 * 1024;
    static final List<String> PLANS = List.of("full", "base-only");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    static final String ID = "municipalityId";
    static final String NAME = "name";
    static final String PLAN = "plan";
    static final String END_BIRTHDAY = "endBirthday";
    static final String LANGUAGES = "languages";
    static final String DELIVERY_HOUR = "deliveryHour";
    static final String SIGNATURE = "signature";
    static final String CONSULTATION = "consultation";
    static final String SENDER_EMAIL = "senderEmail";
    static final String ACTIVE = "active";
    static final String CHANNEL_SECRET = "lineChannelSecret";
    static final String CHANNEL_TOKEN = "lineChannelAccessToken";

    static final Set<String> OPERATOR_FIELDS = Set.of(PLAN, ACTIVE, SENDER_EMAIL);
    static final Set<String> UPDATE_FIELDS = Set.of(NAME, PLAN, END_BIRTHDAY, LANGUAGES, DELIVERY_HOUR, SIGNATURE,
            CONSULTATION, SENDER_EMAIL, ACTIVE, CHANNEL_SECRET, CHANNEL_TOKEN);

    private final DynamoMunicipalityStore towns;
    private final ChannelSecrets channels;
    private final AuditLog audit;

    public MunicipalitiesApi(DynamoMunicipalityStore towns, ChannelSecrets channels, AuditLog audit) {
        this.towns = towns;
        this.channels = channels;
        this.audit = audit;
    }

    public void register(Router router) {
        router.add("GET", "/admin/municipalities", this::list);
        router.add("POST", "/admin/municipalities", this::create);
        router.add("GET", "/admin/municipalities/{municipalityId}", this::get);
        router.add("PATCH", "/admin/municipalities/{municipalityId}", this::update);
    }

    ApiResponse list(ApiRequest request) {
        Caller caller = request.caller();
        caller.requireStaff();
        List<Municipality> visible = caller.isOperator() ? towns.listAll()
                : caller.municipalityId().flatMap(towns::find).stream().toList();
        List<Map<String, Object>> answer = new ArrayList<>();
        for (Municipality town : visible) {
            answer.add(json(town));
        }
        return ApiResponse.ok(Map.of("municipalities", answer));
    }

    ApiResponse get(ApiRequest request) {
        String id = request.pathParameter(ID);
        request.caller().requireRead(id);
        return ApiResponse.ok(json(existing(id)));
    }

    ApiResponse create(ApiRequest request) {
        request.caller().requireOperator();
        Set<String> allowed = new HashSet<>(UPDATE_FIELDS);
        allowed.add(ID);
        JsonFields body = new JsonFields(request.jsonBody(MAX_BODY_BYTES), allowed);
        String id = MunicipalityIds.check(body.text(ID, 0, 100).orElse(null));
        String name = body.text(NAME, 1, 100).orElseThrow(() -> ApiException.badRequest("name is required"));
        Plan plan = body.choice(PLAN, PLANS).map(MunicipalitiesApi::plan)
                .orElseThrow(() -> ApiException.badRequest("plan is required (full or base-only)"));
        Municipality town = new Municipality(id, name,
                body.text(SIGNATURE, 0, 100).orElse(""),
                body.text(CONSULTATION, 0, 1000).orElse(""),
                plan,
                body.integer(END_BIRTHDAY, 3, 6).orElse(3),
                body.integer(DELIVERY_HOUR, 0, 23).orElse(Municipality.DEFAULT_DELIVERY_HOUR),
                body.choices(LANGUAGES, Copy.LANGUAGES).orElse(List.of("ja")),
                senderEmail(body).filter(s -> !s.isEmpty()).orElse(null),
                body.bool(ACTIVE).orElse(true));
        Optional<String> secret = body.text(CHANNEL_SECRET, 1, 200);
        Optional<String> token = body.text(CHANNEL_TOKEN, 1, 1000);
        if (towns.find(id).isPresent()) {
            throw new ApiException(409, "conflict", "town " + id + " exists already");
        }
        storeChannel(id, secret, token);
        if (!towns.create(town)) {
            throw new ApiException(409, "conflict", "town " + id + " exists already");
        }
        audit.record(request.caller(), id, "createMunicipality", Map.of("fields", fieldNames(request)));
        return ApiResponse.created(json(town));
    }

    ApiResponse update(ApiRequest request) {
        String id = request.pathParameter(ID);
        Caller caller = request.caller();
        caller.requireEdit(id);
        JsonFields body = new JsonFields(request.jsonBody(MAX_BODY_BYTES), UPDATE_FIELDS);
        if (!caller.isOperator()) {
            for (String field : OPERATOR_FIELDS) {
                if (body.has(field)) {
                    throw new ApiException(403, "forbidden", "only operators may change " + field);
                }
            }
        }
        Optional<String> name = body.text(NAME, 1, 100);
        Optional<Plan> plan = body.choice(PLAN, PLANS).map(MunicipalitiesApi::plan);
        Optional<Integer> endBirthday = body.integer(END_BIRTHDAY, 3, 6);
        Optional<Integer> deliveryHour = body.integer(DELIVERY_HOUR, 0, 23);
        Optional<List<String>> languages = body.choices(LANGUAGES, Copy.LANGUAGES);
        Optional<String> signature = body.text(SIGNATURE, 0, 100);
        Optional<String> consultation = body.text(CONSULTATION, 0, 1000);
        Optional<String> senderEmail = senderEmail(body);
        Optional<Boolean> active = body.bool(ACTIVE);
        Optional<String> secret = body.text(CHANNEL_SECRET, 1, 200);
        Optional<String> token = body.text(CHANNEL_TOKEN, 1, 1000);
        Municipality old = existing(id);
        Municipality updated = new Municipality(id, name.orElse(old.name()), signature.orElse(old.signature()),
                consultation.orElse(old.consultation()), plan.orElse(old.plan()),
                endBirthday.orElse(old.endBirthday()), deliveryHour.orElse(old.deliveryHour()),
                languages.orElse(old.languages()),
                senderEmail.map(s -> s.isEmpty() ? null : s).orElse(old.senderEmail()),
                active.orElse(old.active()));
        storeChannel(id, secret, token);
        towns.save(updated);
        audit.record(caller, id, "updateMunicipality", Map.of("fields", fieldNames(request)));
        return ApiResponse.ok(json(updated));
    }

    private Municipality existing(String id) {
        return towns.find(id).orElseThrow(() -> ApiException.notFound("no town " + id));
    }

    private void storeChannel(String id, Optional<String> secret, Optional<String> token) {
        secret.ifPresent(value -> channels.storeSecret(id, value));
        token.ifPresent(value -> channels.storeAccessToken(id, value));
    }

    private static Optional<String> senderEmail(JsonFields body) {
        Optional<String> email = body.nullableText(SENDER_EMAIL, 254);
        if (email.isPresent() && !email.get().isEmpty() && !EMAIL.matcher(email.get()).matches()) {
            throw ApiException.badRequest(SENDER_EMAIL + " must be an e-mail address");
        }
        return email;
    }

    /** The names of the fields sent (never their values: the audit keeps no secrets and no texts). */
    private static List<String> fieldNames(ApiRequest request) {
        List<String> names = new ArrayList<>();
        request.jsonBody().fieldNames().forEachRemaining(names::add);
        names.sort(String::compareTo);
        return names;
    }

    private static Plan plan(String name) {
        return name.equals("full") ? Plan.FULL : Plan.BASE_ONLY;
    }

    private Map<String, Object> json(Municipality town) {
        ChannelSecrets.Status line = channels.status(town.municipalityId());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put(ID, town.municipalityId());
        json.put(NAME, town.name());
        json.put(PLAN, town.plan() == Plan.FULL ? "full" : "base-only");
        json.put(END_BIRTHDAY, town.endBirthday());
        json.put(LANGUAGES, town.languages());
        json.put(DELIVERY_HOUR, town.deliveryHour());
        json.put(SIGNATURE, town.signature());
        json.put(CONSULTATION, town.consultation());
        json.put(SENDER_EMAIL, town.senderEmail());
        json.put(ACTIVE, town.active());
        json.put("lineChannel", Map.of("secretSet", line.secretSet(), "accessTokenSet", line.accessTokenSet()));
        return json;
    }
}
