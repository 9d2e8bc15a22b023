package dev.kafkaspool.testbroker;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the secured client listener of a test broker requires (see
 * {@link KafkaBroker#startSecured(java.nio.file.Path, BrokerSecurity)}): TLS, SASL/SCRAM-SHA-512
 * over TLS, or mutual TLS. The broker's other listeners stay plaintext: the controller's, and the
 * one at {@link KafkaBroker#bootstrapServers()} that the broker's own helpers (topic creation,
 * {@link KafkaBroker#consume}) use.
 */
public final class BrokerSecurity {

    /** The name of the secured listener in the broker's configuration. */
    static final String LISTENER = "SECURED";

    /** The SASL mechanism of {@link #saslScram}. */
    public static final String SCRAM_MECHANISM = "SCRAM-SHA-512";

    private static final String LISTENER_PREFIX = "listener.name." + LISTENER.toLowerCase(Locale.ROOT) + ".";

    private enum Kind { TLS, SASL_SCRAM, MUTUAL_TLS }

    private final Kind kind;
    private final String user;
    private final String password;

    private BrokerSecurity(Kind kind, String user, String password) {
        this.kind = kind;
        this.user = user;
        this.password = password;
    }

    /** Clients must connect with TLS and trust the test authority (security.protocol=SSL). */
    public static BrokerSecurity tls() {
        return new BrokerSecurity(Kind.TLS, null, null);
    }

    /**
     * Clients must connect with TLS and log in with SCRAM-SHA-512 as {@code user}
     * (security.protocol=SASL_SSL). The user is created when the storage is formatted. Neither
     * may contain a double quote, a comma or square brackets.
     */
    public static BrokerSecurity saslScram(String user, String password) {
        requirePlain(user, "user");
        requirePlain(password, "password");
        return new BrokerSecurity(Kind.SASL_SCRAM, user, password);
    }

    /** Clients must connect with TLS and present a certificate the test authority signed (ssl.client.auth=required). */
    public static BrokerSecurity mutualTls() {
        return new BrokerSecurity(Kind.MUTUAL_TLS, null, null);
    }

    /** The client's {@code security.protocol}: {@code SSL} or {@code SASL_SSL}. */
    public String securityProtocol() {
        return kind == Kind.SASL_SCRAM ? "SASL_SSL" : "SSL";
    }

    /** The broker properties that add the secured listener on {@code ports.secured()}. */
    Map<String, String> brokerConfig(BrokerPorts ports, TestCertificates certificates) {
        String plaintext = "PLAINTEXT://" + BrokerPorts.HOST + ":" + ports.client();
        String controller = "CONTROLLER://" + BrokerPorts.HOST + ":" + ports.controller();
        String secured = LISTENER + "://" + BrokerPorts.HOST + ":" + ports.secured();
        Map<String, String> config = new LinkedHashMap<>();
        config.put("listeners", String.join(",", plaintext, controller, secured));
        config.put("advertised.listeners", String.join(",", plaintext, secured));
        config.put("listener.security.protocol.map",
                "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT," + LISTENER + ":" + securityProtocol());
        config.put(LISTENER_PREFIX + "ssl.keystore.type", "PKCS12");
        config.put(LISTENER_PREFIX + "ssl.keystore.location", certificates.brokerKeystore().toString());
        config.put(LISTENER_PREFIX + "ssl.keystore.password", certificates.password());
        config.put(LISTENER_PREFIX + "ssl.key.password", certificates.password());
        config.put(LISTENER_PREFIX + "ssl.truststore.type", "PKCS12");
        config.put(LISTENER_PREFIX + "ssl.truststore.location", certificates.truststore().toString());
        config.put(LISTENER_PREFIX + "ssl.truststore.password", certificates.password());
        if (kind == Kind.MUTUAL_TLS) {
            config.put(LISTENER_PREFIX + "ssl.client.auth", "required");
        }
        if (kind == Kind.SASL_SCRAM) {
            config.put(LISTENER_PREFIX + "sasl.enabled.mechanisms", SCRAM_MECHANISM);
            config.put(LISTENER_PREFIX + SCRAM_MECHANISM.toLowerCase(Locale.ROOT) + ".sasl.jaas.config",
                    "org.apache.kafka.common.security.scram.ScramLoginModule required;");
        }
        return config;
    }

    /** Arguments for {@code kafka-storage format}: the SCRAM user, created with the metadata. */
    List<String> formatArguments() {
        if (kind != Kind.SASL_SCRAM) {
            return List.of();
        }
        return List.of("--add-scram", SCRAM_MECHANISM + "=[name=" + user + ",password=" + password + "]");
    }

    /** The properties a client needs for the secured listener. */
    ClientSecurity clientSecurity(TestCertificates certificates) {
        ClientSecurity client = ClientSecurity.trusting(securityProtocol(), certificates);
        if (kind == Kind.MUTUAL_TLS) {
            client = client.withClientCertificate(certificates);
        }
        if (kind == Kind.SASL_SCRAM) {
            client = client.withScramLogin(user, password);
        }
        return client;
    }

    private static void requirePlain(String value, String what) {
        if (value == null || value.isEmpty() || value.matches(".*[\",\\[\\]].*")) {
            throw new IllegalArgumentException("The SCRAM " + what + " must be non-empty, without quotes, commas or brackets");
        }
    }

    @Override
    public String toString() {
        return "BrokerSecurity[" + kind + (user != null ? ", user " + user : "") + "]";
    }
}
