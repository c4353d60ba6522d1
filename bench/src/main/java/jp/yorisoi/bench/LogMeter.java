package jp.yorisoi.bench;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Property;

/**
 * The bytes the code's log lines would send to CloudWatch Logs while it is attached: a Log4j appender beside the
 * functions' own JSON appender (log4j2.properties, "Json"), rendering every event of the {@code jp.yorisoi} logger with
 * that same layout and counting the bytes and lines. Lambda's own lines (START, END, REPORT) and the fields the
 * Lambda context adds (function name, request id, cold start) are not in them.
 */
final class LogMeter implements AutoCloseable {

    private static final String LOGGER = "jp.yorisoi";
    private static final String APPENDER = "Json";

    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong lines = new AtomicLong();
    private final LoggerContext context;
    private final Appender appender;

    LogMeter() {
        context = (LoggerContext) LogManager.getContext(false);
        Configuration configuration = context.getConfiguration();
        Appender json = configuration.getAppender(APPENDER);
        if (json == null) {
            throw new IllegalStateException("no appender " + APPENDER + " in the log configuration");
        }
        appender = new AbstractAppender("bench-log-meter", null, json.getLayout(), true, Property.EMPTY_ARRAY) {
            @Override
            public void append(LogEvent event) {
                bytes.addAndGet(getLayout().toByteArray(event).length);
                lines.incrementAndGet();
            }
        };
        appender.start();
        configuration.getLoggerConfig(LOGGER).addAppender(appender, null, null);
        context.updateLoggers();
    }

    long bytes() {
        return bytes.get();
    }

    long lines() {
        return lines.get();
    }

    @Override
    public void close() {
        context.getConfiguration().getLoggerConfig(LOGGER).removeAppender(appender.getName());
        context.updateLoggers();
        appender.stop();
    }
}
