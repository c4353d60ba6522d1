package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.time.LocalDate;
import jp.yorisoi.reader.Channel;
import org.junit.jupiter.api.Test;

/** The pure part of DeliveryService; deliveries themselves run against the real stores in DeliveryServiceIT. */
class DeliveryServiceTest {

    static final LocalDate DAY = LocalDate.of(2026, 11, 22);

    @Test
    void retryKeyDiffersPerReaderAndDayAndIsStable() {
        DeliveryJob a = DeliveryJob.daily("demo", "L0", Channel.LINE, DAY);
        assertEquals(DeliveryService.retryKey(a), DeliveryService.retryKey(DeliveryJob.daily("demo", "L0", Channel.LINE, DAY)));
        assertNotEquals(DeliveryService.retryKey(a), DeliveryService.retryKey(DeliveryJob.daily("demo", "L1", Channel.LINE, DAY)));
        assertNotEquals(DeliveryService.retryKey(a), DeliveryService.retryKey(DeliveryJob.daily("demo", "L0", Channel.LINE, DAY.plusDays(1))));
    }
}
