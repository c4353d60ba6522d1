package jp.yorisoi.delivery;

import java.util.List;
import jp.yorisoi.content.DayMessage;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.municipality.Municipality;

/** A broadcast as a message for one language: the town's text under a heading that says who it is from. */
final class BroadcastContent {

    private BroadcastContent() {}

    static DayMessage message(Broadcast broadcast, String language, Municipality town) {
        String heading = Copy.of("broadcast", language).text("heading", town.name());
        return new DayMessage(List.of(new DayMessage.Part(DayMessage.PartKind.BROADCAST, null, heading,
                broadcast.textFor(language))));
    }
}
