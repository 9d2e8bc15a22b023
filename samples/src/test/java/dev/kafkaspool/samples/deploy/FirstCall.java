package dev.kafkaspool.samples.deploy;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An application's first log call, in a JVM of its own: the logging framework configures itself
 * from its file when the application asks for its first logger; the first event logged after
 * that is timed by nobody, but every class the JVM loads on the logging thread during the call
 * is printed ({@code loaded <class>}), then {@code first call done}. Takes the two arguments of
 * {@link NumberedEvents} and ignores them.
 */
public final class FirstCall {
    private FirstCall() {
    }

    public static void main(String[] args) throws Exception {
        Logger log = LoggerFactory.getLogger("com.example.orders.OrderService");
        String orderId = "order-42";
        List<String> loaded = ClassLoads.during(() -> log.info("order {} paid", orderId));
        for (String name : loaded) {
            System.out.println("loaded " + name);
        }
        System.out.println("first call done");
    }
}
