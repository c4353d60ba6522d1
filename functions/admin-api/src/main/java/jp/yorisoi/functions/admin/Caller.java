package jp.yorisoi.functions.admin;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who is calling, from the claims the HTTP API's JWT authorizer verified (deployed) or the local runner's
 * equivalent: the token's subject, its staff groups and, for town staff, the town. Every route asks it before it
 * reads or changes anything: a token of town A gets 403 on town B, a viewer changes nothing, operators see all.
 */
public record Caller(String subject, Set<StaffGroup> groups, Optional<String> municipalityId) {

    /** Cognito groups ("cognito:groups"); the strongest wins. */
    public enum StaffGroup { OPERATOR, EDITOR, VIEWER }

    public Caller {
        Objects.requireNonNull(subject, "subject");
        groups = Set.copyOf(groups);
        Objects.requireNonNull(municipalityId, "municipalityId");
    }

    public static Caller operator(String subject) {
        return new Caller(subject, Set.of(StaffGroup.OPERATOR), Optional.empty());
    }

    public boolean isOperator() {
        return groups.contains(StaffGroup.OPERATOR);
    }

    /** Staff of this town (any group) or an operator. */
    public boolean canRead(String town) {
        return isOperator() || (!groups.isEmpty() && municipalityId.filter(town::equals).isPresent());
    }

    /** An editor of this town or an operator. */
    public boolean canEdit(String town) {
        return isOperator() || (groups.contains(StaffGroup.EDITOR) && municipalityId.filter(town::equals).isPresent());
    }

    /** @throws ApiException 403 unless the caller may read this town's data */
    public void requireRead(String town) {
        if (!canRead(town)) {
            throw forbidden("this account may not see town " + town);
        }
    }

    /** @throws ApiException 403 unless the caller may change this town's data */
    public void requireEdit(String town) {
        if (!canEdit(town)) {
            throw forbidden(canRead(town) ? "this account may only view" : "this account may not change town " + town);
        }
    }

    /** @throws ApiException 403 unless the caller is in a staff group (any town) or an operator */
    public void requireStaff() {
        if (groups.isEmpty()) {
            throw forbidden("this account is in no staff group");
        }
    }

    /** @throws ApiException 403 unless the caller is an operator */
    public void requireOperator() {
        if (!isOperator()) {
            throw forbidden("only operators may do this");
        }
    }

    private static ApiException forbidden(String message) {
        return new ApiException(403, "forbidden", message);
    }
}
