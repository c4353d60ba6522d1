package jp.yorisoi.delivery;

import java.util.OptionalLong;

/** A town's LINE channel allowance this month; the SDK adapter is {@code LineQuotaClient}. */
public interface LineQuota {

    /**
     * @throws QuotaUnavailableException when LINE could not be asked (no token, network, 5xx, 429, a refused token)
     */
    Quota quota(String municipalityId);

    /** LINE did not tell the allowance; the forecast says so instead of guessing. */
    final class QuotaUnavailableException extends RuntimeException {
        public QuotaUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * @param limit the month's message allowance, empty when the channel has none (LINE's type "none": the
     *              municipal plan is free and unlimited)
     * @param used  messages counted this month so far
     */
    record Quota(OptionalLong limit, long used) {}
}
