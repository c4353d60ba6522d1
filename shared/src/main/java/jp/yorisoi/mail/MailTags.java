package jp.yorisoi.mail;

import java.util.Map;
import java.util.Optional;

/**
 * The SES message tags every mail carries: the town and the reader, ids only. SES publishes a configuration set's
 * events with the message's tags in {@code mail.tags} ({@code {"municipality": ["demo"], ...}}), so a bounce or a
 * complaint names its reader without looking the address up.
 */
public final class MailTags {

    public static final String MUNICIPALITY = "municipality";
    public static final String READER = "reader";

    private MailTags() {}

    public static Map<String, String> of(String municipalityId, String readerId) {
        return Map.of(MUNICIPALITY, municipalityId, READER, readerId);
    }

    /** The (town, reader) of a published event's {@code mail.tags}, when both are there. */
    public record Addressee(String municipalityId, String readerId) {

        public static Optional<Addressee> from(Optional<String> municipalityId, Optional<String> readerId) {
            return municipalityId.flatMap(m -> readerId.map(r -> new Addressee(m, r)));
        }
    }
}
