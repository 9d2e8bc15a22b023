package dev.kafkaspool.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.junit.jupiter.api.Test;

/** What {@link SecretMask} hides, and that it copes with any exception a status message may carry. */
class SecretMaskTest {

    /** Every property the Kafka client types as a password, each with a value of its own. */
    @Test
    void everyPasswordTypedProducerPropertyIsHidden() {
        Map<String, String> properties = new LinkedHashMap<>();
        StringBuilder text = new StringBuilder();
        int n = 0;
        for (Map.Entry<String, ConfigDef.ConfigKey> e : ProducerConfig.configDef().configKeys().entrySet()) {
            if (e.getValue().type == ConfigDef.Type.PASSWORD) {
                String value = "value-of-secret-" + n++;
                properties.put(e.getKey(), value);
                text.append(e.getKey()).append('=').append(value).append(", ");
            }
        }
        assertTrue(n >= 5, "the Kafka client types several properties as passwords: " + properties.keySet());
        String masked = SecretMask.of(properties).apply(text.toString());
        assertFalse(masked.contains("value-of-secret"), masked);
        assertTrue(masked.contains("ssl.keystore.password=[hidden]"), masked);
    }

    /** An exception with no secret in it is passed on as it is, its type kept. */
    @Test
    void anExceptionWithoutASecretIsPassedOnAsItIs() {
        IllegalStateException e = new IllegalStateException("broker unreachable");
        assertSame(e, SecretMask.of(Map.of("ssl.key.password", "t0pS3cret")).apply(e));
    }

    /** A cause chain 20,000 deep with the secret at its bottom, a cyclic cause, and a toString that throws. */
    @Test
    void deepCyclicAndFailingExceptionsAreMaskedWithoutFailing() {
        SecretMask mask = SecretMask.of(Map.of("ssl.key.password", "t0pS3cret"));
        Throwable deep = new IllegalArgumentException("wrong password t0pS3cret");
        for (int i = 0; i < 20_000; i++) {
            deep = new RuntimeException("level " + i, deep);
        }
        String printed = printed(mask.apply(deep));
        assertFalse(printed.contains("t0pS3cret"), "the secret is not printed");
        assertTrue(printed.contains("level 19999") && printed.contains("more causes left out"), "the top is kept");

        RuntimeException a = new RuntimeException("a with t0pS3cret");
        RuntimeException b = new RuntimeException("b", a);
        a.initCause(b);
        String cyclic = printed(mask.apply(b));
        assertFalse(cyclic.contains("t0pS3cret"), cyclic);
        assertTrue(cyclic.contains("a with [hidden]"), cyclic);

        RuntimeException failing = new RuntimeException("t0pS3cret") {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                throw new IllegalStateException("toString fails");
            }
        };
        // Frameworks print getMessage() apart from toString(): the copy has neither.
        Throwable masked = mask.apply(new RuntimeException("outer", failing));
        assertEquals("java.lang.RuntimeException: outer", masked.toString());
        assertFalse(printed(masked).contains("t0pS3cret"), printed(masked));
        assertFalse(masked.getCause().getMessage().contains("t0pS3cret"), masked.getCause().getMessage());
    }

    private static String printed(Throwable t) {
        StringWriter w = new StringWriter();
        t.printStackTrace(new PrintWriter(w));
        return w.toString();
    }
}
