package jp.yorisoi.functions.admin;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import jp.yorisoi.municipality.MunicipalityStore;

/**
 * Staff accounts: {@code POST /admin/staff} (createStaff), {@code DELETE /admin/staff/{username}} (deleteStaff),
 * both for operators only, and {@code GET /admin/municipalities/{municipalityId}/staff} (listStaff) for the town's
 * editors and operators. A town's editors do not create or delete accounts: an account carries the town it may
 * change, so letting an editor mint accounts would let one stolen editor account make others that outlive its
 * removal; an operator answers the town's request instead. Nobody but an operator makes an operator.
 */
public final class StaffApi {

    static final int MAX_BODY_BYTES = 4 * 1024;
    static final List<String> GROUPS = List.of("operator", "editor", "viewer");
    static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");

    private final StaffDirectory directory;
    private final MunicipalityStore towns;
    private final AuditLog audit;

    public StaffApi(StaffDirectory directory, MunicipalityStore towns, AuditLog audit) {
        this.directory = directory;
        this.towns = towns;
        this.audit = audit;
    }

    public void register(Router router) {
        router.add("POST", "/admin/staff", this::create);
        router.add("DELETE", "/admin/staff/{username}", this::delete);
        router.add("GET", "/admin/municipalities/{municipalityId}/staff", this::list);
    }

    ApiResponse create(ApiRequest request) {
        request.caller().requireOperator();
        JsonFields body = new JsonFields(request.jsonBody(MAX_BODY_BYTES), Set.of("email", "group", "municipalityId"));
        String email = body.text("email", 3, 254).filter(e -> EMAIL.matcher(e).matches())
                .orElseThrow(() -> ApiException.badRequest("email must be an e-mail address"));
        String group = body.choice("group", GROUPS)
                .orElseThrow(() -> ApiException.badRequest("group is required: operator, editor or viewer"));
        Optional<String> town = body.text("municipalityId", 1, 100);
        if (group.equals("operator") && town.isPresent()) {
            throw ApiException.badRequest("an operator belongs to no town: leave out municipalityId");
        }
        if (!group.equals("operator")) {
            String id = town.orElseThrow(() -> ApiException.badRequest("municipalityId is required for " + group));
            if (towns.find(id).isEmpty()) {
                throw ApiException.notFound("no town " + id);
            }
        }
        StaffDirectory.Member member;
        try {
            member = directory.create(email, group, town);
        } catch (StaffDirectory.AlreadyExists e) {
            throw new ApiException(409, "conflict", e.getMessage());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", member.username());
        details.put("group", group);
        audit.record(request.caller(), town.orElse(null), "createStaff", details);
        return ApiResponse.created(json(member));
    }

    ApiResponse list(ApiRequest request) {
        String town = request.pathParameter("municipalityId");
        request.caller().requireEdit(town);
        return ApiResponse.ok(Map.of("staff", directory.ofTown(town).stream().map(StaffApi::json).toList()));
    }

    ApiResponse delete(ApiRequest request) {
        request.caller().requireOperator();
        String username = request.pathParameter("username");
        if (username.equals(request.caller().subject())) {
            throw new ApiException(409, "conflict", "an operator cannot delete their own account");
        }
        StaffDirectory.Member member = directory.find(username)
                .orElseThrow(() -> ApiException.notFound("no account " + username));
        directory.delete(username);
        audit.record(request.caller(), member.municipalityId(), "deleteStaff",
                Map.of("username", username, "group", String.valueOf(member.group())));
        return ApiResponse.noContent();
    }

    private static Map<String, Object> json(StaffDirectory.Member member) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("username", member.username());
        json.put("email", member.email());
        json.put("group", member.group());
        json.put("municipalityId", member.municipalityId());
        json.put("status", member.status());
        json.put("enabled", member.enabled());
        return json;
    }
}
