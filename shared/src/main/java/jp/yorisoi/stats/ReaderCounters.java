package jp.yorisoi.stats;

import java.util.Map;
import jp.yorisoi.reader.Reader;

/** A town's counters, kept as its readers are written; the DynamoDB adapter is {@code DynamoReaderCounters}. */
public interface ReaderCounters {

    /** Brings the town's counters in line with the reader as just saved. */
    void record(Reader saved);

    /** Takes a deleted reader out of the town's counters. */
    void forget(String municipalityId, String readerId);

    /** The town's counters by name ({@link ReaderTally}). */
    Map<String, Long> counters(String municipalityId);
}
