package jp.yorisoi.municipality;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A town that runs the service: its voice (name, signature, consultation contacts), its plan and its
 * program settings. Channel secrets are not here: they live in SSM and are looked up by id.
 *
 * @param signature      ends every local text, e.g. "〇〇市より"
 * @param consultation   where to ask for help (phone, hours); sent on a loss and shown in the menu
 * @param endBirthday    the child track runs to the day before this birthday (3 by default, up to 6)
 * @param deliveryHour   hour of day (Asia/Tokyo) of the daily delivery
 * @param languages      languages offered at registration, first one the default
 * @param senderEmail    verified SES identity for e-mail readers, or null when the town has no e-mail channel
 * @param privacyUrl     the town's page on personal information (https), linked from the consent notice; or null
 * @param consentVersion the version of the consent notice readers must have agreed to: raised by the town when the
 *                       notice changes, so that each reader is asked again at their next interaction (docs/consent.md)
 */
public record Municipality(
        String municipalityId,
        String name,
        String signature,
        String consultation,
        Plan plan,
        int endBirthday,
        int deliveryHour,
        List<String> languages,
        String senderEmail,
        boolean active,
        String privacyUrl,
        int consentVersion) {

    /** The delivery hour of a town that has not chosen its own, unless the deployment says otherwise. */
    public static final int DEFAULT_DELIVERY_HOUR = 8;

    /** The first version of every town's consent notice. */
    public static final int FIRST_CONSENT_VERSION = 1;

    /** A town without a privacy page of its own, on the first version of the consent notice. */
    public Municipality(String municipalityId, String name, String signature, String consultation, Plan plan,
            int endBirthday, int deliveryHour, List<String> languages, String senderEmail, boolean active) {
        this(municipalityId, name, signature, consultation, plan, endBirthday, deliveryHour, languages, senderEmail,
                active, null, FIRST_CONSENT_VERSION);
    }

    public Municipality {
        Objects.requireNonNull(municipalityId, "municipalityId");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(plan, "plan");
        if (endBirthday < 3 || endBirthday > 6) {
            throw new IllegalArgumentException("endBirthday must be 3 to 6");
        }
        if (deliveryHour < 0 || deliveryHour > 23) {
            throw new IllegalArgumentException("deliveryHour must be 0 to 23");
        }
        languages = List.copyOf(languages == null || languages.isEmpty() ? List.of("ja") : languages);
        if (privacyUrl != null && !isHttpsPage(privacyUrl)) {
            throw new IllegalArgumentException("privacyUrl must be an https:// address of a web page");
        }
        if (consentVersion < FIRST_CONSENT_VERSION) {
            throw new IllegalArgumentException("consentVersion must be 1 or more");
        }
    }

    /** The notice links to this page from inside a chat: only a plain https address with a host, nothing to run. */
    private static boolean isHttpsPage(String url) {
        if (url.length() > 500 || url.chars().anyMatch(c -> c <= ' ')) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return "https".equals(uri.getScheme() == null ? null : uri.getScheme().toLowerCase(Locale.ROOT))
                    && uri.getHost() != null && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
