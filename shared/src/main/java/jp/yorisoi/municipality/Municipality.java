package jp.yorisoi.municipality;

import java.util.List;
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
        boolean active) {

    /** The delivery hour of a town that has not chosen its own, unless the deployment says otherwise. */
    public static final int DEFAULT_DELIVERY_HOUR = 8;

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
    }
}
