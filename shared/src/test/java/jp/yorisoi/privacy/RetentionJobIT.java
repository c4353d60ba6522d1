package jp.yorisoi.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import jp.yorisoi.delivery.DynamoLedger;
import jp.yorisoi.municipality.DynamoMunicipalityStore;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.municipality.Plan;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.Dormancy;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.schedule.ProgramSchedule;
import jp.yorisoi.testing.LocalTables;
import jp.yorisoi.testkit.LocalDynamo;
import jp.yorisoi.testkit.RequestCounter;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The daily retention run on DynamoDB Local: who goes, who stays, a town's own periods, and the count. */
class RetentionJobIT {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T18:00:00Z"), ZoneOffset.UTC);

    final LocalTables tables = LocalTables.create();
    final RequestCounter counter = new RequestCounter();
    final DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(LocalDynamo.shared().endpoint())
            .region(Region.AP_NORTHEAST_1).httpClient(UrlConnectionHttpClient.create())
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .overrideConfiguration(o -> o.addExecutionInterceptor(counter)).build();
    final DynamoMunicipalityStore municipalities = new DynamoMunicipalityStore(dynamo, tables.municipalities());
    final DynamoReaderStore readers = new DynamoReaderStore(dynamo, tables.readers());
    final List<String> metrics = new ArrayList<>();
    final RetentionJob job = new RetentionJob(municipalities, readers,
            new DynamoRetentionSettings(dynamo, tables.municipalities()),
            new ReaderErasure(readers, new DynamoLedger(dynamo, tables.ledger(), tables.readers()), CLOCK),
            (name, value) -> metrics.add(name + "=" + value));
    int next;

    RetentionJobIT() {
        municipalities.save(town("demo"));
        municipalities.save(town("strict"));
        // a town setting of its own: unfinished registrations go after 10 days
        tables.dynamo().updateItem(r -> r.tableName(tables.municipalities())
                .key(Map.of("municipalityId", AttributeValue.fromS("strict")))
                .updateExpression("SET retentionUnfinishedDays = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN("10"))));
    }

    @Test
    void eachKindOfDormantReaderGoesWhenItsPeriodHasRunAndNotADayBefore() {
        Reader unfinishedLong = save(registering("demo", 30));
        Reader unfinishedRecent = save(registering("demo", 29));
        Reader blockedLong = save(cutOff(ReaderStatus.BLOCKED, 183));
        Reader unreachableRecent = save(cutOff(ReaderStatus.UNREACHABLE, 182));
        Reader allLostLong = save(active(List.of(Child.born("c1", TODAY.minusYears(1)).lost()), 90));
        Reader allLostRecent = save(active(List.of(Child.born("c1", TODAY.minusYears(1)).lost()), 89));
        // the 3rd birthday ends the program: the last message is the day before it, the period counts from there
        Reader grownLong = save(active(List.of(Child.born("c1", TODAY.minusYears(3).minusDays(89))), 400));
        Reader grownRecent = save(active(List.of(Child.born("c1", TODAY.minusYears(3).minusDays(88))), 400));
        Reader expecting = save(active(List.of(Child.expected("c1", TODAY.plusDays(30)),
                Child.born("c2", TODAY.minusYears(5))), 400));

        Map<Dormancy.Kind, Integer> erased = job.run(TODAY);

        assertEquals(Map.of(Dormancy.Kind.UNFINISHED, 1, Dormancy.Kind.CUT_OFF, 1, Dormancy.Kind.ENDED, 1,
                Dormancy.Kind.GROWN, 1), erased);
        for (Reader gone : List.of(unfinishedLong, blockedLong, allLostLong, grownLong)) {
            assertTrue(readers.find("demo", gone.readerId()).isEmpty(), gone.toString());
        }
        for (Reader kept : List.of(unfinishedRecent, unreachableRecent, allLostRecent, grownRecent, expecting)) {
            assertTrue(readers.find("demo", kept.readerId()).isPresent(), kept.toString());
        }
        assertEquals(List.of(RetentionJob.READERS_ERASED + "=4"), metrics);
        assertEquals(0, counter.count("DynamoDB", "Scan", tables.readers()), "the readers table is never scanned");
    }

    @Test
    void aTownsOwnPeriodReplacesTheDefault() {
        Reader strict = save(registering("strict", 10));
        Reader lenient = save(registering("demo", 10));

        job.run(TODAY);

        assertTrue(readers.find("strict", strict.readerId()).isEmpty());
        assertTrue(readers.find("demo", lenient.readerId()).isPresent());
    }

    @Test
    void aReaderWhoCameBackSinceTheIndexWasWrittenStays() {
        Reader blocked = save(cutOff(ReaderStatus.BLOCKED, 200));
        Reader back = readers.find("demo", blocked.readerId()).orElseThrow();
        readers.save(back.withStatus(ReaderStatus.ACTIVE).withUpdatedAt(CLOCK.instant())
                .withChildren(List.of(Child.expected("c1", TODAY.plusDays(100)))));

        assertEquals(Map.of(), job.run(TODAY));
        assertTrue(readers.find("demo", blocked.readerId()).isPresent());
    }

    @Test
    void aTownWithAnImpossibleSettingFailsTheRunAfterTheOtherTownsAreServed() {
        Reader due = save(registering("demo", 40));
        tables.dynamo().updateItem(r -> r.tableName(tables.municipalities())
                .key(Map.of("municipalityId", AttributeValue.fromS("strict")))
                .updateExpression("SET retentionCutOffDays = :d")
                .expressionAttributeValues(Map.of(":d", AttributeValue.fromN("0"))));

        assertThrows(IllegalStateException.class, () -> job.run(TODAY));
        assertTrue(readers.find("demo", due.readerId()).isEmpty());
    }

    private static Municipality town(String id) {
        return new Municipality(id, id, id + "より", "電話", Plan.FULL, 3, 8, List.of("ja"), null, true);
    }

    private Reader save(Reader reader) {
        return readers.save(reader);
    }

    private Reader registering(String town, int daysAgo) {
        return Reader.newcomer(town, Channel.LINE, "U" + next++, at(daysAgo));
    }

    private Reader cutOff(ReaderStatus status, int daysAgo) {
        return Reader.newcomer("demo", Channel.LINE, "U" + next++, at(daysAgo + 300)).withStatus(status)
                .withChildren(List.of(Child.born("c1", TODAY.minusYears(1)))).withUpdatedAt(at(daysAgo));
    }

    private Reader active(List<Child> children, int lastChangeDaysAgo) {
        return Reader.newcomer("demo", Channel.LINE, "U" + next++, at(lastChangeDaysAgo + 10))
                .withStatus(ReaderStatus.ACTIVE).withChildren(children).withUpdatedAt(at(lastChangeDaysAgo));
    }

    private static Instant at(int daysAgo) {
        return TODAY.minusDays(daysAgo).atTime(12, 0).atZone(ProgramSchedule.ZONE).toInstant();
    }
}
