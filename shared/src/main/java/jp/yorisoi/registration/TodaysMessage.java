package jp.yorisoi.registration;

import java.time.LocalDate;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Reader;

/**
 * Today's message again, at the reader's request (「きょうのメッセージ」, "today", the rich menu's {@code a=today}),
 * answered with the reply token. The delivery side ({@code TodayByReply}) claims the day in the ledger the way the
 * senders do, so a reader who has not had today's message gets it now and the scheduled push sends nothing.
 */
@FunctionalInterface
public interface TodaysMessage {

    /** For a chat without the content catalogue and the ledger: every reader is told there is nothing today. */
    TodaysMessage NONE = (town, reader, replyToken, today) -> false;

    /**
     * Replies with the reader's message of {@code today}.
     *
     * @return false when the reader has no message today: nothing was sent, the chat says so
     */
    boolean reply(Municipality town, Reader reader, String replyToken, LocalDate today);
}
