package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests a running {@link KafkaBroker}: with {@code @ExtendWith(KafkaBrokerExtension.class)}
 * a test class takes a {@code KafkaBroker} as a parameter of its constructor, of a
 * {@code @BeforeAll}/{@code @BeforeEach} method or of a test method.
 *
 * <p>All of a test class (its {@code @Nested} classes included) share one broker, started in a
 * fresh temporary directory on first request and closed after the class. A test may stop or kill
 * it: the next parameter resolved restarts it.
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public KafkaBrokerExtension() {
    }

    /** Resolves parameters of type {@link KafkaBroker}. */
    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return parameterContext.getParameter().getType() == KafkaBroker.class;
    }

    /** The running broker of the test class, started or restarted if needed. */
    @Override
    public KafkaBroker resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        KafkaBroker broker = outermostClassContext(extensionContext).getStore(NAMESPACE)
                .computeIfAbsent(KafkaBroker.class, key -> startInTempDir(), KafkaBroker.class);
        if (!broker.isRunning()) {
            broker.restart();
        }
        return broker;
    }

    /**
     * The context of the top-level test class: its store is closed, and so the broker in it, after
     * all of the class's tests.
     */
    private static ExtensionContext outermostClassContext(ExtensionContext context) {
        ExtensionContext classContext = context;
        while (classContext.getParent().flatMap(ExtensionContext::getTestClass).isPresent()) {
            classContext = classContext.getParent().orElseThrow();
        }
        return classContext;
    }

    private static KafkaBroker startInTempDir() {
        try {
            return KafkaBroker.start(Files.createTempDirectory("kafka-spool-broker-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the broker", e);
        }
    }
}
