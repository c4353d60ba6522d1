package jp.yorisoi.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Reader;
import org.junit.jupiter.api.Test;

class BroadcastPlannerTest {

    @Test
    void aSmallTownIsOneChunkAndALargeOneAboutFourHundredReadersPerChunk() {
        assertEquals(1, BroadcastPlanner.chunksFor(0));
        assertEquals(1, BroadcastPlanner.chunksFor(400));
        assertEquals(2, BroadcastPlanner.chunksFor(401));
        assertEquals(125, BroadcastPlanner.chunksFor(50_000));
    }

    @Test
    void aReadersChunkDependsOnTheirIdAloneAndNoChunkOfALargeTownPassesLinesMulticastLimit() {
        int readers = 50_000;
        int chunks = BroadcastPlanner.chunksFor(readers);
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int i = 0; i < readers; i++) {
            String readerId = Reader.idFor("demo", Channel.LINE, "U" + i);
            int chunk = BroadcastPlanner.chunkOf(readerId, chunks);
            assertEquals(chunk, BroadcastPlanner.chunkOf(readerId, chunks));
            sizes.merge(chunk, 1, Integer::sum);
        }
        assertEquals(chunks, sizes.size());
        int largest = sizes.values().stream().mapToInt(Integer::intValue).max().orElseThrow();
        assertTrue(largest <= LineMessenger.MULTICAST_LIMIT, "largest chunk " + largest);
    }
}
