package jp.yorisoi.content;

import java.util.List;

/**
 * The validated content of one CSV file, ready to be written: daily and birthday texts, and calendar messages
 * (one per date and audience, all languages together).
 */
public record ContentImport(List<ContentEntry> entries, List<CalendarMessage> calendar) {

    public ContentImport {
        entries = List.copyOf(entries);
        calendar = List.copyOf(calendar);
    }
}
