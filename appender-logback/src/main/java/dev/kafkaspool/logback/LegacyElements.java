package dev.kafkaspool.logback;

/**
 * What logback-kafka-appender's own elements become here, said once at start: its keying
 * strategies map to the {@code key} setting where one has a counterpart, its delivery strategies
 * and the rest are explained (INFO where kafka-spool does the same or more, WARN where a
 * configuration asked for something kafka-spool does differently). {@code docs/migration.md}
 * describes the same, element by element.
 *
 * <p><b>Not thread-safe:</b> filled by Logback's configurator, read at start.
 */
final class LegacyElements {
    private static final String PACKAGE = "com.github.danielwegener.logback.kafka.";
    private static final String KEYING = PACKAGE + "keying.";
    private static final String DELIVERY = PACKAGE + "delivery.";

    private String timeout;
    private String partition;
    private String appendTimestamp;

    void timeout(String value) {
        this.timeout = value;
    }

    void partition(String value) {
        this.partition = value;
    }

    void appendTimestamp(String value) {
        this.appendTimestamp = value;
    }

    /** Sets {@code key} from the keying strategy unless {@code <key>} is set, and notes what each element becomes. */
    void applyTo(LegacyStrategyReader.Strategies found, AppenderSettings settings) {
        if (found.keying != null) {
            keying(found.keying, settings);
        }
        if (found.delivery != null) {
            delivery(found.delivery, settings);
        } else if (timeout != null) {
            settings.note("<timeout> is an element of logback-kafka-appender's BlockingDeliveryStrategy; it is not "
                    + "used: a log call never waits for Kafka here");
        }
        if (partition != null) {
            settings.warn("<partition> (logback-kafka-appender's fixed partition) is not supported: records go to "
                    + "every partition of the topic, or by <key> (none, pod, logger, thread or mdc:<key>)");
        }
        if (appendTimestamp != null) {
            settings.note("<appendTimestamp> is not needed: every record's Kafka timestamp is the event's time, "
                    + "and the record holds it too");
        }
    }

    private static void keying(String className, AppenderSettings settings) {
        String key;
        String what;
        switch (className) {
            case KEYING + "NoKeyKeyingStrategy":
                key = "none";
                what = "no key, records spread over all partitions";
                break;
            case KEYING + "HostNameKeyingStrategy":
                key = "pod";
                what = "the pod's name, which is the host name in a pod (the host name elsewhere), as text where logback-kafka-appender used a hash of it";
                break;
            case KEYING + "ThreadNameKeyingStrategy":
                key = "thread";
                what = "the thread's name";
                break;
            case KEYING + "LoggerNameKeyingStrategy":
                key = "logger";
                what = "the logger's name";
                break;
            case KEYING + "ContextNameKeyingStrategy":
                key = "pod";
                what = "the pod's name: there is no key for Logback's context name, and the pod's name is, like it, "
                        + "the same for every record of this process, which keeps them in one partition, in order";
                break;
            default:
                settings.warn("keying strategy " + className + " cannot run here: records are keyed by the <key> "
                        + "setting (none, pod, logger, thread or mdc:<key>), " + keyNow(settings));
                return;
        }
        String configured = settings.get("key");
        if (configured != null) {
            settings.note("<keyingStrategy> " + simpleName(className) + " is left aside: <key>" + configured
                    + "</key> is set");
        } else {
            settings.set("key", key);
            settings.note("<keyingStrategy> " + simpleName(className) + " becomes key=" + key + ": " + what);
        }
    }

    private void delivery(String className, AppenderSettings settings) {
        if (className.equals(DELIVERY + "AsynchronousDeliveryStrategy")) {
            settings.note("<deliveryStrategy> AsynchronousDeliveryStrategy is how kafka-spool always works, and more: "
                    + "a log call never waits for Kafka, not for metadata nor for a full buffer; events Kafka cannot "
                    + "take wait in the spool instead of going to the fallback appenders");
        } else if (className.equals(DELIVERY + "BlockingDeliveryStrategy")) {
            String durable = "disk".equalsIgnoreCase(settings.get("durability"))
                    ? "durability=disk, as set, writes every event to the spool on local disk before the log call "
                            + "returns"
                    : "for the durability it gave, set <durability>disk</durability>: every event is then on local "
                            + "disk before the log call returns, and shipped from there";
            settings.warn("<deliveryStrategy> BlockingDeliveryStrategy" + (timeout == null ? "" : " (timeout "
                    + timeout + ")") + " made each log call wait for Kafka; here a log call never waits for the "
                    + "network; " + durable);
        } else {
            settings.warn("delivery strategy " + className + " cannot run here: kafka-spool delivers through its own "
                    + "engine, a log call never waits for Kafka, and events Kafka cannot take wait in the spool");
        }
    }

    private static String keyNow(AppenderSettings settings) {
        String configured = settings.get("key");
        return configured == null ? "not set, so records have no key" : "set to " + configured;
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
