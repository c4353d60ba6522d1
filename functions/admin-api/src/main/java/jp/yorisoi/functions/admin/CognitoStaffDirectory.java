package jp.yorisoi.functions.admin;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import jp.yorisoi.aws.AwsJsonService;

/**
 * The staff accounts in the Cognito user pool, through Cognito's JSON API (AWS JSON 1.1, {@code X-Amz-Target:
 * AWSCognitoIdentityProviderService.{Operation}}; the SDK module would add 3.5 MB to the jar): AdminCreateUser with
 * {@code custom:municipalityId} and an e-mail invitation, AdminAddUserToGroup, ListUsersInGroup (custom attributes
 * cannot be filtered on by ListUsers, so a town's staff are the members of editor and viewer whose attribute
 * names the town), AdminGetUser, AdminListGroupsForUser and AdminDeleteUser
 * (https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/). With e-mail as the pool's
 * username attribute, Cognito gives each account a generated user name, the {@code sub} of its tokens.
 */
public final class CognitoStaffDirectory implements StaffDirectory {

    static final String TOWN_ATTRIBUTE = "custom:municipalityId";

    private final AwsJsonService cognito;
    private final String userPoolId;

    public CognitoStaffDirectory(AwsJsonService cognito, String userPoolId) {
        this.cognito = cognito;
        this.userPoolId = userPoolId;
    }

    @Override
    public Member create(String email, String group, Optional<String> municipalityId) {
        List<Map<String, String>> attributes = new ArrayList<>();
        attributes.add(Map.of("Name", "email", "Value", email));
        attributes.add(Map.of("Name", "email_verified", "Value", "true"));
        municipalityId.ifPresent(town -> attributes.add(Map.of("Name", TOWN_ATTRIBUTE, "Value", town)));
        JsonNode user;
        try {
            user = cognito.call("AdminCreateUser", Map.of("UserPoolId", userPoolId, "Username", email,
                    "UserAttributes", attributes, "DesiredDeliveryMediums", List.of("EMAIL"))).path("User");
        } catch (AwsJsonService.Failure e) {
            if ("UsernameExistsException".equals(e.code()) || "AliasExistsException".equals(e.code())) {
                throw new AlreadyExists();
            }
            throw e;
        }
        String username = user.path("Username").asText();
        try {
            cognito.call("AdminAddUserToGroup", Map.of("UserPoolId", userPoolId, "Username", username,
                    "GroupName", group));
        } catch (RuntimeException e) {
            // an account in no group could sign in to nothing, but it would block the address: take it back
            delete(username);
            throw e;
        }
        return member(username, attributes(user.path("Attributes")), group, user);
    }

    @Override
    public List<Member> ofTown(String municipalityId) {
        List<Member> staff = new ArrayList<>();
        for (String group : List.of("editor", "viewer")) {
            String next = null;
            do {
                Map<String, Object> input = new HashMap<>(Map.of("UserPoolId", userPoolId, "GroupName", group,
                        "Limit", 60));
                if (next != null) {
                    input.put("NextToken", next);
                }
                JsonNode page = cognito.call("ListUsersInGroup", input);
                for (JsonNode user : page.path("Users")) {
                    Map<String, String> attributes = attributes(user.path("Attributes"));
                    if (municipalityId.equals(attributes.get(TOWN_ATTRIBUTE))) {
                        staff.add(member(user.path("Username").asText(), attributes, group, user));
                    }
                }
                next = page.path("NextToken").isTextual() ? page.path("NextToken").asText() : null;
            } while (next != null);
        }
        return staff;
    }

    @Override
    public Optional<Member> find(String username) {
        JsonNode user;
        try {
            user = cognito.call("AdminGetUser", Map.of("UserPoolId", userPoolId, "Username", username));
        } catch (AwsJsonService.Failure e) {
            if ("UserNotFoundException".equals(e.code())) {
                return Optional.empty();
            }
            throw e;
        }
        JsonNode groups = cognito.call("AdminListGroupsForUser", Map.of("UserPoolId", userPoolId,
                "Username", username)).path("Groups");
        String group = groups.isEmpty() ? null : groups.get(0).path("GroupName").asText();
        return Optional.of(member(user.path("Username").asText(), attributes(user.path("UserAttributes")), group,
                user));
    }

    @Override
    public void delete(String username) {
        try {
            cognito.call("AdminDeleteUser", Map.of("UserPoolId", userPoolId, "Username", username));
        } catch (AwsJsonService.Failure e) {
            if (!"UserNotFoundException".equals(e.code())) {
                throw e;
            }
        }
    }

    private static Member member(String username, Map<String, String> attributes, String group, JsonNode user) {
        return new Member(username, attributes.get("email"), group, attributes.get(TOWN_ATTRIBUTE),
                user.path("UserStatus").asText(null), user.path("Enabled").asBoolean(true));
    }

    private static Map<String, String> attributes(JsonNode list) {
        Map<String, String> attributes = new LinkedHashMap<>();
        for (JsonNode attribute : list) {
            attributes.put(attribute.path("Name").asText(), attribute.path("Value").asText());
        }
        return attributes;
    }
}
