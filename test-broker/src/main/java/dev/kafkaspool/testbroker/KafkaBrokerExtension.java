package dev.kafkaspool.testbroker;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
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
 *
 * <p>A class that needs a broker with settings of its own, or a secured one, registers the
 * extension in a static field instead, and takes the broker as a parameter in the same way:
 * <pre>{@code
 * @RegisterExtension
 * static final KafkaBrokerExtension BROKER = KafkaBrokerExtension.secured(BrokerSecurity.tls());
 * }</pre>
 */
public final class KafkaBrokerExtension implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(KafkaBrokerExtension.class);

    private final Function<Path, KafkaBroker> start;

    /** Creates the extension; JUnit does this for {@code @ExtendWith}. */
    public KafkaBrokerExtension() {
        this(KafkaBroker::start);
    }

    private KafkaBrokerExtension(Function<Path, KafkaBroker> start) {
        this.start = start;
    }

    /** A broker with properties that replace or add to the defaults ({@link KafkaBroker#start(Path, Map)}). */
    public static KafkaBrokerExtension withConfig(Map<String, String> extraBrokerConfig) {
        return new KafkaBrokerExtension(dataDir -> KafkaBroker.start(dataDir, extraBrokerConfig));
    }

    /** A broker with a secured client listener ({@link KafkaBroker#startSecured(Path, BrokerSecurity)}). */
    public static KafkaBrokerExtension secured(BrokerSecurity security) {
        return secured(security, Map.of());
    }

    /** A secured broker with properties that replace or add to the defaults. */
    public static KafkaBrokerExtension secured(BrokerSecurity security, Map<String, String> extraBrokerConfig) {
        return new KafkaBrokerExtension(dataDir -> KafkaBroker.startSecured(dataDir, security, extraBrokerConfig));
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

    private KafkaBroker startInTempDir() {
        try {
            return start.apply(Files.createTempDirectory("kafka-spool-broker-"));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for the broker", e);
        }
    }
}
