package dev.kafkaspool.config;

import dev.kafkaspool.engine.shipping.ShippingProducer;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The Kafka producer properties the engine uses: its defaults for shipping logs, the user's
 * overrides on top, and the few properties the engine must own. Also masks secrets for display.
 */
public final class ProducerSettings {

    /** Defaults chosen for shipping log records; any of them can be overridden. */
    public static final Map<String, String> DEFAULTS = defaults();

    /**
     * Properties the engine sets itself, and why; each is defined once, in {@link Owned}.
     * {@code max.block.ms=0} is what keeps the shipper thread from ever waiting for the network
     * inside {@code send}: a send that would wait fails at once and the engine spools instead.
     * {@code max.in.flight.requests.per.connection=1} keeps each partition in logging order when
     * Kafka fails a batch: the producer sends a partition's next batch only once the one before is
     * answered, so a failure is known (and the producer closed, see {@code ShippingProducer}) before
     * any later event of that partition is out. With five in flight, the broker wrote a new
     * producer's second batch when it refused the first for good (an old timestamp), and the
     * refused events landed behind it ({@code RefusedBatchOrderTest}).
     */
    public static final Map<String, String> OWNED = Owned.column(Owned::value);

    private static final Map<String, String> WHY_OWNED = Owned.column(Owned::reason);

    private static final Set<String> SECRET_WORDS = Set.of("password", "secret", "jaas", "token", "credential");
    private static final String HIDDEN = "[hidden]";

    private ProducerSettings() {
    }

    /** Why the engine owns {@code key}, one of {@link #OWNED}, for the message that refuses a value for it. */
    static String whyOwned(String key) {
        return WHY_OWNED.get(key);
    }

    /** The properties the engine owns: name, value, and why it may not be changed. */
    private enum Owned {
        MAX_BLOCK_MS("max.block.ms", "0", "it keeps the shipper thread from waiting inside send"),
        MAX_IN_FLIGHT("max.in.flight.requests.per.connection", "5",
                "the most with which the idempotent producer keeps each partition in order; 1 with "
                        + "enable.idempotence=false, which keeps no order across retries with more"),
        KEY_SERIALIZER("key.serializer", Owned.BYTES, Owned.ENCODED),
        VALUE_SERIALIZER("value.serializer", Owned.BYTES, Owned.ENCODED);

        private static final String BYTES = "org.apache.kafka.common.serialization.ByteArraySerializer";
        private static final String ENCODED = "the engine hands the producer encoded bytes";

        private final String key;
        private final String value;
        private final String reason;

        Owned(String key, String value, String reason) {
            this.key = key;
            this.value = value;
            this.reason = reason;
        }

        String value() {
            return value;
        }

        String reason() {
            return reason;
        }

        static Map<String, String> column(Function<Owned, String> column) {
            Map<String, String> m = new LinkedHashMap<>();
            for (Owned o : values()) {
                m.put(o.key, column.apply(o));
            }
            return Collections.unmodifiableMap(m);
        }
    }

    private static Map<String, String> defaults() {
        Map<String, String> d = new LinkedHashMap<>();
        d.put("acks", "all");
        d.put("enable.idempotence", "true");
        d.put("compression.type", "lz4");
        d.put("linger.ms", "20");
        d.put("batch.size", "524288");
        d.put("buffer.memory", "33554432");
        d.put("request.timeout.ms", "15000");
        d.put("delivery.timeout.ms", "60000");
        // The longest pause before the producer tries a broker, or a metadata request, again: with
        // the shipper's own (at most 1 s), what keeps a broker back after an outage waiting.
        d.put("reconnect.backoff.max.ms", "1000");
        d.put("retry.backoff.max.ms", "1000");
        return Collections.unmodifiableMap(d);
    }

    /** The properties a producer is created with: defaults, then overrides, then what the engine owns. */
    static Map<String, Object> effective(String bootstrapServers, String clientId, Map<String, String> overrides) {
        Map<String, Object> props = new LinkedHashMap<>(DEFAULTS);
        props.put("client.id", clientId);
        props.putAll(overrides);
        props.put("bootstrap.servers", bootstrapServers);
        props.putAll(OWNED);
        if (!ProducerConflicts.idempotent(overrides)) {
            props.put(Owned.MAX_IN_FLIGHT.key, "1");
        }
        return props;
    }

    /**
     * True when a property holds a secret: every property the Kafka client itself types as a
     * password (key material such as {@code ssl.keystore.key} included), and any whose name says
     * password, secret, JAAS, token or credential (for plug-ins' own properties).
     */
    public static boolean isSecret(String key) {
        ConfigDef.ConfigKey known = ProducerConfig.configDef().configKeys().get(key);
        if (known != null && known.type == ConfigDef.Type.PASSWORD) {
            return true;
        }
        String k = key.toLowerCase(Locale.ROOT);
        for (String word : SECRET_WORDS) {
            if (k.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** A copy safe to print: secret values replaced, keys sorted. */
    public static Map<String, Object> masked(Map<String, ?> props) {
        Map<String, Object> out = new TreeMap<>();
        props.forEach((k, v) -> out.put(k, isSecret(k) ? HIDDEN : v));
        return out;
    }
}
