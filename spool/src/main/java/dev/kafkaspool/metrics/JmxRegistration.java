package dev.kafkaspool.metrics;

import dev.kafkaspool.engine.StatusListener;
import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;


/**
 * Registers an appender's MXBean with the platform MBean server. When an MXBean of the same name
 * is registered already (a reconfiguration starts the new appender before the old one stops), the
 * newer one replaces it, and the older one's {@link #close} leaves the newer one in place.
 * <b>Thread-safe.</b>
 */
public final class JmxRegistration implements AutoCloseable {
    /** Which registration owns each name now. */
    private static final Map<ObjectName, JmxRegistration> OWNERS = new ConcurrentHashMap<>();

    private final ObjectName name;
    private final MBeanServer server;

    private JmxRegistration(ObjectName name, MBeanServer server) {
        this.name = name;
        this.server = server;
    }

    /** The object name of the appender called {@code appenderName}. */
    public static ObjectName objectName(String appenderName) {
        try {
            return new ObjectName("dev.kafkaspool:type=KafkaSpool,name=" + ObjectName.quote(appenderName));
        } catch (JMException e) {
            throw new IllegalArgumentException("no JMX name can be made of '" + appenderName + "'", e);
        }
    }

    /**
     * Registers {@code bean}; never throws. A failure is reported on {@code status} and the
     * appender runs on without JMX.
     *
     * @return the registration to close when the appender stops, or null when it failed
     */
    public static JmxRegistration register(String appenderName, KafkaSpoolMXBean bean, StatusListener status) {
        try {
            ObjectName name = objectName(appenderName);
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            JmxRegistration registration = new JmxRegistration(name, server);
            synchronized (OWNERS) {
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
                server.registerMBean(bean, name);
                OWNERS.put(name, registration);
            }
            return registration;
        } catch (JMException | RuntimeException e) {
            status.warn("the JMX metrics of '" + appenderName + "' could not be registered: " + e
                    + "; the appender runs on without them", e);
            return null;
        }
    }

    @Override
    public void close() {
        synchronized (OWNERS) {
            if (OWNERS.get(name) != this) {
                return;
            }
            OWNERS.remove(name);
            try {
                server.unregisterMBean(name);
            } catch (JMException e) {
                // Already gone: nothing to undo.
            }
        }
    }
}
