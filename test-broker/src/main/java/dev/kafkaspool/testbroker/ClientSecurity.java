package dev.kafkaspool.testbroker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The client properties for a secured test broker's listener, as a user would set them on a
 * producer: {@code security.protocol}, the truststore, and the keystore (mutual TLS) or the SASL
 * login (SCRAM). Immutable; the {@code with...} and {@code without...} methods return changed
 * copies, for tests that connect with wrong or missing credentials.
 */
public final class ClientSecurity {

    private final Map<String, String> properties;
    private final List<String> secrets;

    private ClientSecurity(Map<String, String> properties, List<String> secrets) {
        this.properties = Map.copyOf(properties);
        this.secrets = List.copyOf(secrets);
    }

    /** TLS with {@code securityProtocol}, trusting the test authority of {@code certificates}. */
    static ClientSecurity trusting(String securityProtocol, TestCertificates certificates) {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("security.protocol", securityProtocol);
        properties.put("ssl.truststore.type", "PKCS12");
        properties.put("ssl.truststore.location", certificates.truststore().toString());
        properties.put("ssl.truststore.password", certificates.password());
        return new ClientSecurity(properties, List.of(certificates.password()));
    }

    /** The producer (or consumer, or admin) properties. */
    public Map<String, String> properties() {
        return properties;
    }

    /** Every secret in {@link #properties()} (passwords), and in the copies this one was made from. */
    public List<String> secrets() {
        return secrets;
    }

    /** A copy that presents the client certificate of {@code certificates} (mutual TLS). */
    public ClientSecurity withClientCertificate(TestCertificates certificates) {
        Map<String, String> changed = new LinkedHashMap<>(properties);
        changed.put("ssl.keystore.type", "PKCS12");
        changed.put("ssl.keystore.location", certificates.clientKeystore().toString());
        changed.put("ssl.keystore.password", certificates.password());
        changed.put("ssl.key.password", certificates.password());
        return new ClientSecurity(changed, adding(certificates.password()));
    }

    /** A copy without a client certificate. */
    public ClientSecurity withoutClientCertificate() {
        Map<String, String> changed = new LinkedHashMap<>(properties);
        changed.keySet().removeIf(key -> key.startsWith("ssl.keystore.") || key.equals("ssl.key.password"));
        return new ClientSecurity(changed, secrets);
    }

    /** A copy that logs in with SCRAM-SHA-512 as {@code user} with {@code password}. */
    public ClientSecurity withScramLogin(String user, String password) {
        Map<String, String> changed = new LinkedHashMap<>(properties);
        changed.put("sasl.mechanism", BrokerSecurity.SCRAM_MECHANISM);
        changed.put("sasl.jaas.config", "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
                + user + "\" password=\"" + password + "\";");
        return new ClientSecurity(changed, adding(password));
    }

    private List<String> adding(String secret) {
        List<String> more = new ArrayList<>(secrets);
        if (!more.contains(secret)) {
            more.add(secret);
        }
        return more;
    }

    /** The property names only: the values hold secrets. */
    @Override
    public String toString() {
        return "ClientSecurity" + properties.keySet();
    }
}
