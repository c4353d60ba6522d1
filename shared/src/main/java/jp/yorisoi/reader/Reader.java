package jp.yorisoi.reader;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A person who receives the town's daily messages (読者), with all their children.
 *
 * <p>{@code readerId} is derived from the municipality and the channel address by a keyed one-way hash
 * ({@link ReaderIds}), so it can be logged and put in queue messages while the address itself (personal data)
 * stays in the table.
 *
 * @param address      LINE user id or e-mail address: personal data, never logged
 * @param language     "ja", "ja-easy", "en", …
 * @param conversation where the LINE chat stands (pending question and its context); empty when idle
 * @param version      optimistic-lock counter, incremented by every save
 * @param registeredOn the day (town time) the reader finished registering: nothing is sent for a day before it.
 *                     Null for a reader still registering, and for readers stored before it was recorded, who are
 *                     taken as registered long ago
 * @param consent      the version of the town's consent notice the reader agreed to, and when; null until they agree
 *                     (docs/consent.md)
 */
public record Reader(
        String municipalityId,
        String readerId,
        Channel channel,
        String address,
        Role role,
        String language,
        ReaderStatus status,
        List<Child> children,
        Map<String, String> conversation,
        Instant createdAt,
        Instant updatedAt,
        long version,
        LocalDate registeredOn,
        Consent consent) {

    public static final String DEFAULT_LANGUAGE = "ja";

    /** A reader without a recorded registration day (stored before it was recorded, or still registering). */
    public Reader(String municipalityId, String readerId, Channel channel, String address, Role role, String language,
            ReaderStatus status, List<Child> children, Map<String, String> conversation, Instant createdAt,
            Instant updatedAt, long version) {
        this(municipalityId, readerId, channel, address, role, language, status, children, conversation, createdAt,
                updatedAt, version, null, null);
    }

    /** A reader who has not agreed to any consent notice (stored before consent was asked, or still registering). */
    public Reader(String municipalityId, String readerId, Channel channel, String address, Role role, String language,
            ReaderStatus status, List<Child> children, Map<String, String> conversation, Instant createdAt,
            Instant updatedAt, long version, LocalDate registeredOn) {
        this(municipalityId, readerId, channel, address, role, language, status, children, conversation, createdAt,
                updatedAt, version, registeredOn, null);
    }

    /**
     * An agreement to the town's consent notice.
     *
     * @param version  the notice's version ({@code Municipality.consentVersion}) when the reader agreed
     * @param agreedAt when they agreed
     */
    public record Consent(int version, Instant agreedAt) {
        public Consent {
            Objects.requireNonNull(agreedAt, "agreedAt");
        }
    }

    /** True when the reader agreed to {@code currentVersion} of the notice or a later one. */
    public boolean consentedTo(int currentVersion) {
        return consent != null && consent.version() >= currentVersion;
    }

    public Reader {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(status, "status");
        language = language == null ? DEFAULT_LANGUAGE : language;
        children = List.copyOf(children == null ? List.of() : children);
        conversation = Map.copyOf(conversation == null ? Map.of() : conversation);
    }

    /** A new reader that has just followed (LINE) or signed up (e-mail) and has no children yet. */
    public static Reader newcomer(String municipalityId, Channel channel, String address, Instant now) {
        return new Reader(municipalityId, idFor(municipalityId, channel, address), channel, address, null,
                DEFAULT_LANGUAGE, ReaderStatus.REGISTERING, List.of(), Map.of(), now, now, 0);
    }

    /**
     * The unkeyed SHA-256 id readers were given before ids were keyed: still the id of those readers, and the
     * provisional id of a {@link #newcomer} until its store gives it the keyed one ({@link ReaderIds}).
     */
    public static String idFor(String municipalityId, Channel channel, String address) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(
                    idInput(municipalityId, channel, address).getBytes(StandardCharsets.UTF_8));
            return idPrefix(channel) + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    /** What an id is computed over: the same for the legacy and the keyed id, e-mail addresses normalised. */
    static String idInput(String municipalityId, Channel channel, String address) {
        String normalized = channel == Channel.EMAIL ? address.trim().toLowerCase(Locale.ROOT) : address;
        return municipalityId + "\n" + channel + "\n" + normalized;
    }

    static String idPrefix(Channel channel) {
        return channel == Channel.LINE ? "L" : "M";
    }

    /** The same reader under another id: a newcomer given its keyed id before it is first stored. */
    public Reader withReaderId(String newReaderId) {
        return new Reader(municipalityId, newReaderId, channel, address, role, language, status, children,
                conversation, createdAt, updatedAt, version, registeredOn);
    }

    public List<Child> activeChildren() {
        return children.stream().filter(Child::isActive).toList();
    }

    /** True when {@code day} is not before the reader registered ("late joiners start at today's position"). */
    public boolean registeredBy(LocalDate day) {
        return registeredOn == null || !day.isBefore(registeredOn);
    }

    /**
     * The children a delivery for {@code day} may speak of: active and already added on that day, and none at all
     * for a day before the reader registered. A re-run of a past day never reaches back before someone joined.
     */
    public List<Child> activeChildrenOn(LocalDate day) {
        if (!registeredBy(day)) {
            return List.of();
        }
        return children.stream().filter(c -> c.isActive() && c.presentOn(day)).toList();
    }

    public Reader withRegisteredOn(LocalDate day) {
        return new Reader(municipalityId, readerId, channel, address, role, language, status, children,
                conversation, createdAt, updatedAt, version, day, consent);
    }

    /** The same reader as changed at {@code at} (the day a cut-off or a loss counts from, see Dormancy). */
    public Reader withUpdatedAt(Instant at) {
        return new Reader(municipalityId, readerId, channel, address, role, language, status, children,
                conversation, createdAt, at, version, registeredOn);
    }

    public Reader withStatus(ReaderStatus newStatus) {
        return new Reader(municipalityId, readerId, channel, address, role, language, newStatus, children,
                conversation, createdAt, updatedAt, version, registeredOn, consent);
    }

    public Reader withRole(Role newRole) {
        return new Reader(municipalityId, readerId, channel, address, newRole, language, status, children,
                conversation, createdAt, updatedAt, version, registeredOn, consent);
    }

    public Reader withLanguage(String newLanguage) {
        return new Reader(municipalityId, readerId, channel, address, role, newLanguage, status, children,
                conversation, createdAt, updatedAt, version, registeredOn, consent);
    }

    public Reader withChildren(List<Child> newChildren) {
        return new Reader(municipalityId, readerId, channel, address, role, language, status, newChildren,
                conversation, createdAt, updatedAt, version, registeredOn, consent);
    }

    public Reader withConversation(Map<String, String> newConversation) {
        return new Reader(municipalityId, readerId, channel, address, role, language, status, children,
                newConversation, createdAt, updatedAt, version, registeredOn, consent);
    }

    public Reader withConsent(Consent newConsent) {
        return new Reader(municipalityId, readerId, channel, address, role, language, status, children,
                conversation, createdAt, updatedAt, version, registeredOn, newConsent);
    }

    /** Replaces the child with the same id. */
    public Reader withChild(Child changed) {
        return withChildren(children.stream()
                .map(c -> c.childId().equals(changed.childId()) ? changed : c)
                .toList());
    }

    public java.util.Optional<Child> child(String childId) {
        return children.stream().filter(c -> c.childId().equals(childId)).findFirst();
    }

    /**
     * Ids, settings and children without the address, the conversation or any date, so a reader that ends up
     * in a log line or an exception message gives away no personal data.
     */
    @Override
    public String toString() {
        return "Reader[municipalityId=" + municipalityId + ", readerId=" + readerId + ", channel=" + channel
                + ", role=" + role + ", language=" + language + ", status=" + status + ", children=" + children
                + ", version=" + version + "]";
    }

    /** The id for the next child added ("c1", "c2", …), never reusing one. */
    public String nextChildId() {
        int max = children.stream()
                .map(Child::childId)
                .filter(id -> id.matches("c\\d+"))
                .mapToInt(id -> Integer.parseInt(id.substring(1)))
                .max().orElse(0);
        return "c" + (max + 1);
    }
}
