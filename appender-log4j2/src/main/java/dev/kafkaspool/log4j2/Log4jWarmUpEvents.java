package dev.kafkaspool.log4j2;

import java.util.List;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;

/**
 * The made-up events the appender reads and encodes once when it starts, without handing them on,
 * so that the classes of the append path load on the thread that configures Log4j and not in the
 * first log call of the first logging thread. One of each kind of event a logger makes: the
 * reusable event with a reusable message that garbage-free logging makes (Log4j's default outside
 * web applications), and an event of its own with a parameterized message and an exception. The
 * reusable message comes from Log4j's own factory and goes back to it, as in a log call, so it is
 * kept as Log4j keeps its messages (in a thread-local or not, as Log4j is configured).
 */
final class Log4jWarmUpEvents {
    private Log4jWarmUpEvents() {
    }

    static List<LogEvent> create() {
        LogEvent own = Log4jLogEvent.newBuilder()
                .setLoggerName(KafkaSpoolAppender.class.getName())
                .setLevel(Level.INFO)
                .setMessage(new ParameterizedMessage("warm-up {}", 1))
                .setThrown(new IllegalStateException("warm-up"))
                .build();
        return List.of(reused(), own);
    }

    private static LogEvent reused() {
        MutableLogEvent reused = new MutableLogEvent();
        reused.setLoggerName(KafkaSpoolAppender.class.getName());
        reused.setLevel(Level.INFO);
        reused.setThreadName(Thread.currentThread().getName());
        reused.setTimeMillis(System.currentTimeMillis());
        // The event copies the message's text and arguments; the message then goes back to this thread's pool.
        Message message = ReusableMessageFactory.INSTANCE.newMessage("warm-up {}", 1);
        try {
            reused.setMessage(message);
        } finally {
            ReusableMessageFactory.release(message);
        }
        return reused;
    }
}
