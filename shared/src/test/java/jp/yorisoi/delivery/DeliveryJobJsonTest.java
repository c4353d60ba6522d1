package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import jp.yorisoi.reader.Channel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DeliveryJobJsonTest {

    @Test
    void jobSurvivesTheQueueWithIdsOnly() {
        DeliveryJob job = DeliveryJob.daily("demo", "L0123456789abcdef0123456789abcdef", Channel.LINE,
                LocalDate.of(2026, 11, 22));

        String body = DeliveryJobJson.write(job);

        assertEquals("{\"municipalityId\":\"demo\",\"readerId\":\"L0123456789abcdef0123456789abcdef\","
                + "\"date\":\"2026-11-22\",\"deliveryKey\":\"2026-11-22\",\"channel\":\"LINE\"}", body);
        assertEquals(job, DeliveryJobJson.read(body));
    }

    @Test
    void aBroadcastChunkTravelsAsAJobNamingItsChunkAndBroadcast() {
        DeliveryJob chunk = DeliveryJob.broadcastChunk("demo", 3, LocalDate.of(2026, 11, 22), "b-1");

        DeliveryJob read = DeliveryJobJson.read(DeliveryJobJson.write(chunk));

        assertEquals(chunk, read);
        assertTrue(read.isBroadcastChunk());
        assertEquals(3, read.chunk());
        assertEquals("b-1", read.broadcastId());
        assertFalse(read.isDaily());
    }

    @Test
    void anEmailReadersBroadcastJobIsNoChunk() {
        DeliveryJob job = DeliveryJob.broadcast("demo", "M0123", Channel.EMAIL, LocalDate.of(2026, 11, 22), "b-1");

        assertTrue(job.isBroadcast());
        assertFalse(job.isBroadcastChunk());
        assertEquals("broadcast#b-1", job.deliveryKey());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "not json", "[]", "{}",
            "{\"municipalityId\":\"demo\",\"readerId\":\"L1\",\"date\":\"2026-13-01\",\"deliveryKey\":\"k\",\"channel\":\"LINE\"}",
            "{\"municipalityId\":\"demo\",\"readerId\":\"L1\",\"date\":\"2026-11-22\",\"deliveryKey\":\"k\",\"channel\":\"FAX\"}",
            "{\"municipalityId\":\"demo\",\"readerId\":1,\"date\":\"2026-11-22\",\"deliveryKey\":\"k\",\"channel\":\"LINE\"}",
            "{\"municipalityId\":\"demo\",\"readerId\":\"chunk-x\",\"date\":\"2026-11-22\",\"deliveryKey\":\"broadcast#b\","
                    + "\"channel\":\"LINE\"}"})
    void malformedBodiesAreRecognisedAsNeverProcessable(String body) {
        assertThrows(DeliveryJobJson.MalformedJobException.class, () -> DeliveryJobJson.read(body));
    }
}
