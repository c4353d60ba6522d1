package jp.yorisoi.delivery;

import java.time.LocalDate;
import java.util.Objects;
import jp.yorisoi.reader.Channel;

/**
 * One reader's delivery on one day, as it travels on the job queue. Carries ids only (no personal data); the
 * sender reads the reader's state at send time.
 *
 * @param deliveryKey what makes the delivery unique for the reader: the date for the daily delivery,
 *                    "broadcast#{id}" for a staff broadcast
 */
public record DeliveryJob(String municipalityId, String readerId, Channel channel, LocalDate date, String deliveryKey) {

    public DeliveryJob {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(readerId, "readerId");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(deliveryKey, "deliveryKey");
    }

    public static DeliveryJob daily(String municipalityId, String readerId, Channel channel, LocalDate date) {
        return new DeliveryJob(municipalityId, readerId, channel, date, date.toString());
    }

    public boolean isDaily() {
        return deliveryKey.equals(date.toString());
    }
}
