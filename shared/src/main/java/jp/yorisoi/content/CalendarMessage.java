package jp.yorisoi.content;

import java.time.LocalDate;
import java.util.Map;
import java.util.Objects;

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

    public String textFor(String language) {
        return texts.getOrDefault(language, texts.get("ja"));
    }
}
