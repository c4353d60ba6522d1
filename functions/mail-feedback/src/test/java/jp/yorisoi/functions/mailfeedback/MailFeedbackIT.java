package jp.yorisoi.functions.mailfeedback;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.SNSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import jp.yorisoi.mail.DynamoCounters;
import jp.yorisoi.mail.MailFeedback;
import jp.yorisoi.reader.Channel;
import jp.yorisoi.reader.Child;
import jp.yorisoi.reader.DynamoReaderStore;
import jp.yorisoi.reader.Reader;
import jp.yorisoi.reader.ReaderStatus;
import jp.yorisoi.reader.Role;
import jp.yorisoi.testing.LocalTables;
import org.junit.jupiter.api.Test;

/**
 * SES's bounce and complaint events as its configuration set publishes them to SNS (events/ses-*.json, built from
 * the SES Developer Guide's "Examples of event data that Amazon SES publishes to Amazon SNS"), through the handler
 * over DynamoDB Local.
 */
class MailFeedbackIT {

    static final Instant NOW = Instant.parse("2026-11-21T23:05:00Z");

    final LocalTables tables = LocalTables.create();
    final DynamoReaderStore readers = new DynamoReaderStore(tables.dynamo(), tables.readers());
    final MailFeedbackHandler handler = new MailFeedbackHandler(new MailFeedback(readers,
            new DynamoCounters(tables.dynamo(), tables.names().get("CountersTable")),
            Clock.fixed(NOW, ZoneId.of("UTC"))));

    Reader activeReader(String address) {
        return readers.save(Reader.newcomer("demo", Channel.EMAIL, address, NOW).withStatus(ReaderStatus.ACTIVE)
                .withRole(Role.MOTHER).withChildren(List.of(Child.born("c1", LocalDate.of(2026, 10, 1)))));
    }

    static SNSEvent event(String file) {
        return EventLoader.loadSNSEvent("../../events/" + file);
    }

    ReaderStatus status(Reader reader) {
        return readers.find("demo", reader.readerId()).orElseThrow().status();
    }

    @Test
    void aHardBounceStopsMailToThatReaderAtOnce() {
        Reader reader = activeReader("bounce@example.jp");

        assertEquals(List.of("STOPPED"), handler.handleRequest(event("ses-bounce-permanent.json"), null));

        assertEquals(ReaderStatus.UNREACHABLE, status(reader));
    }

    @Test
    void aComplaintStopsMailToThatReaderAtOnce() {
        Reader reader = activeReader("complaint@example.jp");

        assertEquals(List.of("STOPPED"), handler.handleRequest(event("ses-complaint.json"), null));

        assertEquals(ReaderStatus.UNREACHABLE, status(reader));
    }

    @Test
    void softBouncesAreCountedAndTheThirdStopsTheMail() {
        Reader reader = activeReader("soft@example.jp");

        assertEquals(List.of("COUNTED"), handler.handleRequest(event("ses-bounce-transient.json"), null));
        assertEquals(List.of("COUNTED"), handler.handleRequest(event("ses-bounce-transient.json"), null));
        assertEquals(ReaderStatus.ACTIVE, status(reader));

        assertEquals(List.of("STOPPED"), handler.handleRequest(event("ses-bounce-transient.json"), null));
        assertEquals(ReaderStatus.UNREACHABLE, status(reader));
    }

    @Test
    void anEventWithoutTagsOrNotJsonChangesNothingAndFailsNothing() {
        Reader reader = activeReader("bounce@example.jp");
        SNSEvent identityNotification = event("ses-bounce-permanent.json");
        SNSEvent.SNS sns = identityNotification.getRecords().getFirst().getSNS();
        sns.setMessage(sns.getMessage().replace("\"eventType\"", "\"notificationType\"")
                .replace("\"municipality\":[\"demo\"],", ""));
        SNSEvent garbage = event("ses-complaint.json");
        garbage.getRecords().getFirst().getSNS().setMessage("not json");

        assertEquals(List.of("IGNORED"), handler.handleRequest(identityNotification, null));
        assertEquals(List.of("MALFORMED"), handler.handleRequest(garbage, null));

        assertEquals(ReaderStatus.ACTIVE, status(reader));
    }
}
