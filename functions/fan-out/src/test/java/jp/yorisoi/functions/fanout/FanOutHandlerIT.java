package jp.yorisoi.functions.fanout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import jp.yorisoi.delivery.DeliveryJob;
import jp.yorisoi.delivery.FanOutService;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.testing.LocalQueues;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/** The fan-out function's events through the handler, with towns and readers in DynamoDB Local and jobs in ElasticMQ. */
class FanOutHandlerIT {

    final LocalTables tables = LocalTables.create();
    final LocalQueues queues = LocalQueues.create();
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(tables.dynamo(), tables.municipalities());
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers(), 5);

    FanOutHandlerIT() {
        town("morning", 8, 3);
        town("later", 9, 2);
    }

    void town(String id, int hour, int readerCount) {
        municipalities.save(new Municipality(id, id, id + "より", "", Plan.FULL, 3, hour, List.of("ja"), null, true));
        IntStream.range(0, readerCount).forEach(i -> readers.save(Reader.newcomer(id, Channel.LINE, "U" + id + i, Instant.EPOCH)
                .withStatus(ReaderStatus.ACTIVE)
                .withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1))))));
    }

    FanOutHandler handlerAt(String instant) {
        return new FanOutHandler(new FanOutService(municipalities, readers, queues.jobQueue()),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }

    static Map<String, Object> event(String name) throws IOException {
        return new ObjectMapper().readValue(Path.of("../../events", name).toFile(), new TypeReference<>() {});
    }

    Set<String> townsWithJobs() {
        return queues.allJobs().stream().map(DeliveryJob::municipalityId).collect(Collectors.toSet());
    }

    @Test
    void theHourlyScheduleServesTheTownsDueAtItsScheduledTokyoHourEvenWhenInvokedLate() throws IOException {
        Map<String, Object> result = handlerAt("2026-11-22T00:40:00Z").handleRequest(event("fan-out-hourly.json"), null);

        assertEquals("2026-11-22", result.get("date"));
        assertEquals(8, result.get("hour"));
        assertEquals(Map.of("morning", 3), result.get("enqueued"));
        assertEquals(3, queues.jobs("LineJobQueue").size());
        assertEquals(Set.of("morning"), townsWithJobs());
    }

    @Test
    void aScheduledEventUsesItsTime() throws IOException {
        Map<String, Object> result = handlerAt("2026-11-22T05:00:00Z").handleRequest(event("fan-out-scheduled-event.json"), null);

        assertEquals(9, result.get("hour"));
        assertEquals(Map.of("later", 2), result.get("enqueued"));
        assertEquals(Set.of("later"), townsWithJobs());
    }

    @Test
    void anAutoHourComesFromTheClockInTokyo() {
        Map<String, Object> result = handlerAt("2026-11-21T23:00:05Z").handleRequest(Map.of("hour", "auto"), null);

        assertEquals("2026-11-22", result.get("date"));
        assertEquals(8, result.get("hour"));
        assertEquals(3, result.get("total"));
        assertEquals(3, queues.allJobs().size());
    }

    @Test
    void aDirectInvocationMayNameTheDayAndTheTown() {
        Map<String, Object> result = handlerAt("2026-11-22T03:00:00Z")
                .handleRequest(Map.of("date", "2026-11-20", "municipalityId", "later"), null);

        assertEquals("2026-11-20", result.get("date"));
        assertEquals(Map.of("later", 2), result.get("enqueued"));
        List<DeliveryJob> jobs = queues.allJobs();
        assertEquals(2, jobs.size());
        assertEquals(Set.of(LocalDate.of(2026, 11, 20)), jobs.stream().map(DeliveryJob::date).collect(Collectors.toSet()));
        assertEquals(Set.of("later"), townsWithJobs());
    }
}
