package jp.yorisoi.functions.admin;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a town id may be: it names the town in URLs (the webhook's /webhook/{municipalityId}), SSM parameter names
 * and table keys, so lower-case letters, digits and hyphens, 2 to 32 characters, starting with a letter or digit;
 * and none of the words the system itself uses in those places ("base" names the shared base texts).
 */
final class MunicipalityIds {

    static final Pattern FORM = Pattern.compile("[a-z0-9][a-z0-9-]{1,31}");
    static final Set<String> RESERVED = Set.of("base", "admin", "all", "api", "audit", "local", "none", "new",
            "staff", "webhook", "sandbox", "operator", "operators", "www", "default", "null");

    private MunicipalityIds() {}

    /** @throws ApiException 400 when {@code id} cannot name a town */
    static String check(String id) {
        if (id == null || !FORM.matcher(id).matches()) {
            throw ApiException.badRequest("municipalityId must be 2 to 32 lower-case letters, digits or hyphens, "
                    + "starting with a letter or digit");
        }
        if (RESERVED.contains(id)) {
            throw ApiException.badRequest("municipalityId " + id + " is reserved");
        }
        return id;
    }
}
