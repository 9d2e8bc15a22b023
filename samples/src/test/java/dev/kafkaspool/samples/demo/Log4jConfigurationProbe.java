package dev.kafkaspool.samples.demo;

import dev.kafkaspool.log4j2.KafkaSpoolAppender;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Loads a {@code log4j2.xml} from the class path with Log4j's own configurator, in a JVM of its own
 * (the files read environment variables), and prints what it saw, one fact a line:
 * {@code status <LEVEL> <message>} for every status message, then {@code appender-started} and
 * {@code producer-created} with true or false.
 */
public final class Log4jConfigurationProbe {

    private static final String PRODUCER_THREAD = "kafka-producer-network-thread | kafka-spool-kafka";

    private Log4jConfigurationProbe() {
    }

    /**
     * @param args the configuration's class path resource
     */
    public static void main(String[] args) throws InterruptedException {
        StatusLogger.getLogger().registerListener(new PrintingListener());
        LoggerContext context = Configurator.initialize("probe", "classpath:" + args[0]);
        KafkaSpoolAppender appender = context.getConfiguration().getAppender("kafka");
        System.out.println("appender-started " + (appender != null && appender.isStarted()));
        LogManager.getLogger("app").info("an event while Kafka is unreachable");
        System.out.println("producer-created " + awaitProducerThread());
        Configurator.shutdown(context);
        System.out.flush();
    }

    private static boolean awaitProducerThread() throws InterruptedException {
        long deadline = System.nanoTime() + 60_000_000_000L; // a bound against hangs only
        while (System.nanoTime() < deadline) {
            if (Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals(PRODUCER_THREAD))) {
                return true;
            }
            Thread.sleep(50);
        }
        return false;
    }

    /** Prints every status message with its level and the messages of its causes. */
    private static final class PrintingListener implements StatusListener {
        @Override
        public void log(StatusData data) {
            StringBuilder line = new StringBuilder("status ").append(data.getLevel()).append(' ')
                    .append(data.getMessage().getFormattedMessage());
            for (Throwable t = data.getThrowable(); t != null; t = t.getCause()) {
                line.append(" | ").append(t);
            }
            System.out.println(line.toString().replace('\n', ' '));
        }

        @Override
        public Level getStatusLevel() {
            return Level.INFO;
        }

        @Override
        public void close() {
        }
    }
}
