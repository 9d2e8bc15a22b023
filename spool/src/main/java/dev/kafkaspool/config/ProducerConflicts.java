package dev.kafkaspool.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Producer properties a user may set that do not go with the producer the engine runs, and how each
 * is resolved. The engine's producer is idempotent ({@code enable.idempotence=true} in
 * {@link ProducerSettings#DEFAULTS}): a record counts as delivered only once Kafka has written it to
 * every in-sync replica, and a retried batch is written once. The Kafka client refuses to create an
 * idempotent producer with {@code acks} 0 or 1 or with {@code retries=0}, which would leave every
 * event in the spool; instead the conflicting property is left out, so its default applies, and a
 * note says which property, what is used and why. A user who wants {@code acks=0} or {@code acks=1}
 * after all sets {@code enable.idempotence=false} as well: then nothing conflicts. A
 * {@code partitioner.class} is left out too: the engine chooses each record's partition itself.
 *
 * <p><b>Stateless, thread-safe.</b>
 */
final class ProducerConflicts {
    private static final String IDEMPOTENCE = "enable.idempotence";
    /** The engine chooses every record's partition before the send, so a partitioner would never be asked. */
    private static final String PARTITIONER = "partitioner.class";

    private ProducerConflicts() {
    }

    /** The overrides without the properties that conflict with the idempotent producer. */
    static Map<String, String> resolve(Map<String, String> overrides) {
        Map<String, String> resolved = new LinkedHashMap<>(overrides);
        for (String key : conflicting(overrides).keySet()) {
            resolved.remove(key);
        }
        return Collections.unmodifiableMap(resolved);
    }

    /** One note per property {@link #resolve} leaves out, naming it, the value used and why. */
    static List<String> notes(Map<String, String> overrides) {
        return new ArrayList<>(conflicting(overrides).values());
    }

    /** Whether the producer made with these overrides is idempotent (the default). */
    static boolean idempotent(Map<String, String> overrides) {
        String idempotence = overrides.getOrDefault(IDEMPOTENCE, ProducerSettings.DEFAULTS.get(IDEMPOTENCE));
        return "true".equalsIgnoreCase(String.valueOf(idempotence).trim());
    }

    private static Map<String, String> conflicting(Map<String, String> overrides) {
        Map<String, String> found = new LinkedHashMap<>();
        if (overrides.containsKey(PARTITIONER)) {
            found.put(PARTITIONER, "producer property '" + PARTITIONER + "' is not used: kafka-spool chooses each "
                    + "record's partition itself (a record with a key goes where Kafka's default partitioner puts it, "
                    + "by the key's hash); it is ignored");
        }
        if (!idempotent(overrides)) {
            return found;
        }
        String acks = overrides.get("acks");
        if (acks != null && (acks.trim().equals("0") || acks.trim().equals("1"))) {
            found.put("acks", "producer property acks=" + acks.trim() + " conflicts with the idempotent producer "
                    + "kafka-spool uses (" + IDEMPOTENCE + "=true), which needs acks=all: acks=all is used, so that "
                    + "a record counts as delivered only once Kafka has written it" + (acks.trim().equals("0")
                    ? " (with acks=0 a record Kafka never wrote would count as delivered)" : "")
                    + "; to keep acks=" + acks.trim() + ", set " + IDEMPOTENCE + "=false as well");
        }
        String retries = overrides.get("retries");
        if (retries != null && isZero(retries)) {
            found.put("retries", "producer property retries=0 conflicts with the idempotent producer kafka-spool "
                    + "uses (" + IDEMPOTENCE + "=true), which needs retries: the Kafka client's default is used "
                    + "(retries until delivery.timeout.ms), and a batch Kafka fails is retried instead of lost");
        }
        return found;
    }

    private static boolean isZero(String value) {
        try {
            return Integer.parseInt(value.trim().toLowerCase(Locale.ROOT)) == 0;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
