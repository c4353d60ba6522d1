package jp.yorisoi.registration;

import java.util.ArrayList;
import java.util.List;
import jp.yorisoi.copy.Copy;
import jp.yorisoi.municipality.Municipality;
import jp.yorisoi.reader.Channel;

/**
 * The notice a parent reads before the service keeps anything about them (docs/consent.md): what is collected, why,
 * who holds it, how long and how to delete it, with the town's privacy page. The LINE chat shows it before the first
 * date is asked; the e-mail signup page shows the same paragraphs ({@link #paragraphs}).
 */
public final class ConsentNotice {

    /** The copy area of the notice and its buttons: {@code copy/consent.<language>.properties}. */
    public static final String AREA = "consent";

    private ConsentNotice() {}

    /** The notice's paragraphs for a reader of {@code channel}, in {@code language}, title first. */
    public static List<String> paragraphs(Channel channel, String language, Municipality town) {
        Copy copy = Copy.of(AREA, language);
        String suffix = channel == Channel.LINE ? "line" : "email";
        List<String> paragraphs = new ArrayList<>();
        paragraphs.add(copy.text("notice.title"));
        paragraphs.add(copy.text("notice.collected." + suffix));
        paragraphs.add(copy.text("notice.purpose"));
        paragraphs.add(copy.text("notice.holder", town.name()));
        paragraphs.add(copy.text("notice.retention"));
        paragraphs.add(copy.text("notice.deletion." + suffix));
        if (town.privacyUrl() != null) {
            paragraphs.add(copy.text("notice.privacyPage", town.name(), town.privacyUrl()));
        }
        return paragraphs;
    }

    /** The whole notice as one text, paragraphs apart by a blank line. */
    public static String text(Channel channel, String language, Municipality town) {
        return String.join("\n\n", paragraphs(channel, language, town));
    }
}
