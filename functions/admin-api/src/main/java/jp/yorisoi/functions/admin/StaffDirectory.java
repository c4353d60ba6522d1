package jp.yorisoi.functions.admin;

import java.util.List;
import java.util.Optional;

/** The staff accounts (the Cognito user pool): who may sign in, in which group, for which town. */
public interface StaffDirectory {

    /** An account; {@code username} is the token's {@code sub}, {@code municipalityId} null for operators. */
    record Member(String username, String email, String group, String municipalityId, String status,
            boolean enabled) {}

    /** An account of that e-mail address exists already. */
    final class AlreadyExists extends RuntimeException {
        public AlreadyExists() {
            super("an account of that e-mail address exists already");
        }
    }

    /**
     * Creates the account, which receives an invitation e-mail with a temporary password, in {@code group};
     * nothing remains when a step fails.
     *
     * @throws AlreadyExists when the e-mail address has an account
     */
    Member create(String email, String group, Optional<String> municipalityId);

    /** The editors and viewers of a town. */
    List<Member> ofTown(String municipalityId);

    Optional<Member> find(String username);

    void delete(String username);
}
