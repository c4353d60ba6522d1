package jp.yorisoi.content;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * A town's message on one calendar date (月日指定メッセージ), e.g. an event, for the readers whose children
 * match the audience.
 *
 * @param texts text per language; "ja" is the fallback
 */
public record CalendarMessage(String municipalityId, String messageId, LocalDate date, Audience audience,
        Map<String, String> texts) {

    public CalendarMessage {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(date, "date");
        audience = audience == null ? Audience.EVERYONE : audience;
        texts = Map.copyOf(texts);
        if (!texts.containsKey("ja")) {
            throw new IllegalArgumentException("a calendar message needs a ja text");
        }
    }

    private static final Pattern CREATED_ID = Pattern.compile("(\\d{8})-[0-9a-f]{10}");

    /**
     * The id of a message created one by one (not imported): its date and a random part, so that the message is
     * found from its id alone ("20270115-3fa2c41b09"), and never equal to an imported message's id.
     */
    public static String newId(LocalDate date, RandomGenerator random) {
        byte[] bytes = new byte[5];
        random.nextBytes(bytes);
        return date.format(DateTimeFormatter.BASIC_ISO_DATE) + "-" + HexFormat.of().formatHex(bytes);
    }

    /** The date of a message created one by one, from its id; empty for any other id. */
    public static Optional<LocalDate> dateOfCreatedId(String messageId) {
        if (messageId == null || !CREATED_ID.matcher(messageId).matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(messageId.substring(0, 8), DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String textFor(String language) {
        return texts.getOrDefault(language, texts.get("ja"));
    }
}
