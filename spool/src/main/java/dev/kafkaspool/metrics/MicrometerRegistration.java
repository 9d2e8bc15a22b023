package dev.kafkaspool.metrics;

import dev.kafkaspool.engine.EngineStats;
import dev.kafkaspool.engine.StatusListener;
import java.util.function.Supplier;


/**
 * Binds an appender's meters to Micrometer's global registry when Micrometer is on the class
 * path; does nothing otherwise. Micrometer is an optional dependency: this class names none of its
 * types, so it loads without Micrometer. <b>Thread-safe.</b>
 */
public final class MicrometerRegistration {
    private static final boolean PRESENT = isPresent();

    private MicrometerRegistration() {
    }

    /**
     * Binds the meters; never throws.
     *
     * @return what removes them again when the appender stops, or null when Micrometer is absent
     *     or binding failed (reported on {@code status})
     */
    public static AutoCloseable bindToGlobalRegistry(Supplier<EngineStats> stats, String appender, String topic,
                                                     StatusListener status) {
        if (!PRESENT) {
            return null;
        }
        try {
            return GlobalRegistryBinding.bind(stats, appender, topic);
        } catch (RuntimeException | LinkageError e) {
            status.warn("the Micrometer meters of '" + appender + "' could not be bound: " + e
                    + "; the appender runs on without them", e);
            return null;
        }
    }

    private static boolean isPresent() {
        try {
            Class.forName("io.micrometer.core.instrument.Metrics", false, MicrometerRegistration.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
