package jp.yorisoi.delivery;

/** What the hourly fan-out reports (CloudWatch EMF in the function); names are the metric names. */
@FunctionalInterface
public interface FanOutMetrics {

    FanOutMetrics NONE = (name, value) -> {};

    /** Every town due this hour was planned: the heartbeat, once per hourly run, also when no town is due. */
    String FAN_OUT_COMPLETED = "FanOutCompleted";
    /** A town whose record could not be read or whose fan-out failed in this invocation. */
    String TOWN_FAILED = "TownFailed";
    /** Readers enqueued an hour ago whose day has no final ledger entry: sent nothing, for no recorded reason. */
    String RECONCILIATION_SHORTFALL = "ReconciliationShortfall";

    void add(String name, int value);
}
