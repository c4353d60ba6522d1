package jp.yorisoi.registration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import jp.yorisoi.line.QuickReplyItem;
import jp.yorisoi.registration.PostbackData.Action;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class PostbackDataTest {

    @ParameterizedTest
    @ValueSource(strings = {"a=menu", "a=due", "a=due&c=c1", "a=birth&c=c12", "a=kind&v=due", "a=role", "a=role&v=MOTHER",
            "a=lang&v=ja-easy", "a=add", "a=born", "a=date", "a=stop", "a=start", "a=loss", "a=loss&c=c2", "a=keep&c=c1",
            "a=delete", "a=delete&v=yes"})
    void everyButtonOfTheConversationReadsBackAsItWasWritten(String data) {
        Optional<PostbackData> parsed = PostbackData.parse(data);

        assertTrue(parsed.isPresent(), data);
        assertEquals(data, parsed.get().encode());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "a=", "a=MENU", "a=menu&", "a=menu&v=", "a=unknown", "a=kind", "a=add&v=1",
            "a=stop&c=c1", "a=due&c=c0", "a=due&c=c1000", "a=due&c=x1", "c=c1&a=due", "a=role&v=MOTHER&v=PARTNER",
            "a=role&v=MOTHER;drop", "a=role&v=<script>", "a=role&v=MOTHER\n", "a=role&v=ＭＯＴＨＥＲ", "a=lang&v=ja_easy",
            "a=role&v=ABCDEFGHIJKLMNOPQ"})
    void anythingElseIsNotACommand(String data) {
        assertEquals(Optional.empty(), PostbackData.parse(data));
    }

    @ParameterizedTest
    @EnumSource(Action.class)
    void encodedButtonsStayFarBelowLinesLimit(Action action) {
        PostbackData longest = new PostbackData(action, "GRANDPARENT", "c999");

        assertTrue(longest.encode().length() < QuickReplyItem.MAX_POSTBACK_DATA_LENGTH);
    }

    @org.junit.jupiter.api.Test
    void overlongDataIsRejectedWithoutMatching() {
        assertEquals(Optional.empty(), PostbackData.parse("a=menu" + "&".repeat(10_000)));
    }
}
