package jp.yorisoi.privacy;

/** Each town's retention periods (town settings); the DynamoDB adapter is {@code DynamoRetentionSettings}. */
@FunctionalInterface
public interface RetentionSettings {

    /** The town's periods, the defaults for any it has not set. */
    RetentionPolicy policyFor(String municipalityId);
}
