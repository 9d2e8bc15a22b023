package dev.kafkaspool.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The engine's configuration: immutable, validated, built from {@link EngineSettings}. */
public final class SpoolConfig {
    private final Map<Setting<?>, Object> values;
    private final Map<String, String> producerOverrides;

    private SpoolConfig(Map<Setting<?>, Object> values, Map<String, String> producerOverrides) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
        this.producerOverrides = Collections.unmodifiableMap(new LinkedHashMap<>(producerOverrides));
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The value of a setting: the configured one, or its default. */
    @SuppressWarnings("unchecked")
    public <T> T get(Setting<T> setting) {
        Object v = values.get(setting);
        return v != null ? (T) v : setting.defaultValue();
    }

    public String name() {
        return get(EngineSettings.NAME);
    }

    public String bootstrapServers() {
        return get(EngineSettings.BOOTSTRAP_SERVERS);
    }

    public Durability durability() {
        return get(EngineSettings.DURABILITY);
    }

    /** How soon the disk spool's writes are forced to the disk; zero: never, the system decides. */
    public Duration syncInterval() {
        return get(EngineSettings.SYNC_INTERVAL);
    }

    public Path spoolDir() {
        Path dir = get(EngineSettings.SPOOL_DIR);
        return dir != null ? dir : Path.of(System.getProperty("java.io.tmpdir"), "kafka-spool", name());
    }

    public long maxBytes() {
        return get(EngineSettings.MAX_BYTES);
    }

    public FullPolicy fullPolicy() {
        return get(EngineSettings.FULL_POLICY);
    }

    public Duration blockTimeout() {
        return get(EngineSettings.BLOCK_TIMEOUT);
    }

    /**
     * How long new events may wait in a full queue while Kafka answers and drains it, before the
     * queue goes to the spool: a tenth of {@code blockTimeout}. (A full spool that Kafka drains is
     * waited for up to {@code blockTimeout}: nothing else would keep its events.)
     */
    public Duration answeringWait() {
        return blockTimeout().dividedBy(10);
    }

    public int queueSize() {
        return get(EngineSettings.QUEUE_SIZE);
    }

    public long queueMaxBytes() {
        return get(EngineSettings.QUEUE_MAX_BYTES);
    }

    public Duration stopTimeout() {
        return get(EngineSettings.STOP_TIMEOUT);
    }

    public Duration stallTimeout() {
        return get(EngineSettings.STALL_TIMEOUT);
    }

    /** The producer properties the user set; see {@link ProducerSettings} for what they override. */
    public Map<String, String> producerOverrides() {
        return producerOverrides;
    }

    /** The producer's client.id: {@code kafka-spool-<name>}. */
    public String clientId() {
        String configured = producerOverrides.get("client.id");
        return configured != null ? configured : "kafka-spool-" + name();
    }

    /** The properties the producer is created with. */
    public Map<String, Object> producerProperties() {
        return ProducerSettings.effective(bootstrapServers(), clientId(), producerOverrides);
    }

    /**
     * The effective configuration in one line, secrets masked, for the start-up status message:
     * every engine setting, and every other setting that was set.
     */
    public String describe() {
        StringBuilder sb = new StringBuilder();
        for (Setting<?> s : EngineSettings.all()) {
            Object v = s == EngineSettings.SPOOL_DIR ? spoolDir() : get(s);
            if (s == EngineSettings.SYNC_INTERVAL && Duration.ZERO.equals(v)) {
                v = "none";
            } else if (v instanceof Duration) {
                v = ValueParsers.formatDuration((Duration) v);
            } else if (s == EngineSettings.MAX_BYTES) {
                v = ValueParsers.formatSize((Long) v);
            }
            sb.append(s.name()).append('=').append(v).append(", ");
        }
        for (Map.Entry<Setting<?>, Object> e : values.entrySet()) {
            if (!EngineSettings.all().contains(e.getKey()) && e.getValue() != null) {
                sb.append(e.getKey().name()).append('=').append(e.getValue()).append(", ");
            }
        }
        sb.append("producer=").append(ProducerSettings.masked(producerProperties()));
        return sb.toString();
    }

    /** Collects settings and reports every problem at once. */
    public static final class Builder {
        private final Map<Setting<?>, Object> values = new LinkedHashMap<>();
        private final Map<String, String> producerOverrides = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /** Sets a typed value. */
        public <T> Builder set(Setting<T> setting, T value) {
            values.put(setting, value);
            return this;
        }

        /** Parses and sets a text value; a bad value is recorded as a problem, not thrown. */
        public Builder parse(Setting<?> setting, String text) {
            try {
                values.put(setting, setting.parse(text));
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage() + (setting.isRequired() ? "" : "; the default ("
                        + setting.defaultDescription().replaceAll("^\\((.*)\\)$", "$1") + ") is used instead"));
            }
            return this;
        }

        /** A Kafka producer property, passed through as given. */
        public Builder producerProperty(String key, String value) {
            if (key == null || key.isBlank()) {
                problems.add("a producer property has no name; it is ignored");
            } else if (ProducerSettings.OWNED.containsKey(key.trim())) {
                if (ProducerSettings.OWNED.get(key.trim()).equals(value == null ? null : value.trim())) {
                    return this; // the value the engine sets anyway
                }
                problems.add("producer property '" + key.trim() + "' is set by kafka-spool itself and cannot be "
                        + "changed (" + ProducerSettings.whyOwned(key.trim()) + "); kafka-spool's value is used");
            } else if (key.trim().equals("bootstrap.servers")) {
                problems.add("set the brokers with '" + EngineSettings.BOOTSTRAP_SERVERS.name()
                        + "', not as a producer property; it is ignored");
            } else {
                producerOverrides.put(key.trim(), value);
            }
            return this;
        }

        /** Problems found so far. */
        public List<String> problems() {
            List<String> all = new ArrayList<>(problems);
            all.addAll(ProducerConflicts.notes(producerOverrides));
            all.addAll(lingerAgainstStall());
            all.addAll(missingRequired());
            return all;
        }

        /**
         * A {@code linger.ms} as long as {@code stallTimeout}: a lone record under light load waits
         * out the linger unanswered, and the engine would take Kafka for stalled and spool. Both
         * values are used as given; the note says what to change.
         */
        private List<String> lingerAgainstStall() {
            String linger = producerOverrides.get("linger.ms");
            long lingerMillis;
            try {
                lingerMillis = linger == null ? 0 : Long.parseLong(linger.trim());
            } catch (NumberFormatException e) {
                return List.of(); // the Kafka client refuses it when it makes the producer, and says why
            }
            Object stall = values.getOrDefault(EngineSettings.STALL_TIMEOUT, EngineSettings.STALL_TIMEOUT.defaultValue());
            long stallMillis = ((Duration) stall).toMillis();
            if (lingerMillis < stallMillis) {
                return List.of();
            }
            return List.of("producer property linger.ms=" + lingerMillis + " is not below '"
                    + EngineSettings.STALL_TIMEOUT.name() + "' (" + stallMillis + " ms): under light load a record "
                    + "waits out the linger unanswered, and kafka-spool would take Kafka for unavailable and spool; "
                    + "lower linger.ms or raise '" + EngineSettings.STALL_TIMEOUT.name() + "'");
        }

        private List<String> missingRequired() {
            List<String> missing = new ArrayList<>();
            for (Setting<?> s : EngineSettings.all()) {
                if (s.isRequired() && values.get(s) == null) {
                    missing.add("'" + s.name() + "' is required: " + s.documentation());
                }
            }
            return missing;
        }

        /**
         * Builds with the default in place of every value that was not valid (see {@link #problems()}
         * for what those were), so that a configuration mistake does not stop logging.
         *
         * @throws InvalidConfigException when a required setting is missing
         */
        public SpoolConfig buildWithDefaults() {
            List<String> missing = missingRequired();
            if (!missing.isEmpty()) {
                throw new InvalidConfigException(missing);
            }
            return new SpoolConfig(values, ProducerConflicts.resolve(producerOverrides));
        }

        /**
         * @throws InvalidConfigException listing every problem, if there is any
         */
        public SpoolConfig build() {
            List<String> all = problems();
            if (!all.isEmpty()) {
                throw new InvalidConfigException(all);
            }
            return new SpoolConfig(values, ProducerConflicts.resolve(producerOverrides));
        }
    }
}
