package jp.yorisoi.local;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import jp.yorisoi.functions.admin.StaffDirectory;

/**
 * The runner's stand-in for the Cognito user pool's accounts: the demo users, and the accounts created through the
 * admin API kept in memory (no invitation is mailed, and only the demo users can sign in to the demo sign-in). The
 * deployed API and its tests use CognitoStaffDirectory.
 */
final class LocalStaffDirectory implements StaffDirectory {

    private final Map<String, Member> members = new ConcurrentHashMap<>();

    LocalStaffDirectory() {
        for (DemoSignIn.DemoUser user : DemoSignIn.USERS) {
            members.put(user.username(), new Member(user.username(), user.username(), user.group(),
                    user.municipalityId(), "CONFIRMED", true));
        }
    }

    @Override
    public synchronized Member create(String email, String group, Optional<String> municipalityId) {
        if (members.values().stream().anyMatch(m -> email.equalsIgnoreCase(m.email()))) {
            throw new AlreadyExists();
        }
        Member member = new Member(UUID.randomUUID().toString(), email, group, municipalityId.orElse(null),
                "FORCE_CHANGE_PASSWORD", true);
        members.put(member.username(), member);
        return member;
    }

    @Override
    public List<Member> ofTown(String municipalityId) {
        List<Member> staff = new ArrayList<>();
        members.values().stream().filter(m -> municipalityId.equals(m.municipalityId()))
                .sorted(Comparator.comparing(Member::email)).forEach(staff::add);
        return staff;
    }

    @Override
    public Optional<Member> find(String username) {
        return Optional.ofNullable(members.get(username));
    }

    @Override
    public void delete(String username) {
        members.remove(username);
    }
}
