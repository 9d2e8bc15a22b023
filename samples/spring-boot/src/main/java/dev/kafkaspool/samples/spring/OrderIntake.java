package dev.kafkaspool.samples.spring;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Logs {@code orders.count} orders once the application is ready, then {@code all orders logged},
 * and one line from {@code @PreDestroy} while the context closes.
 */
@Component
public class OrderIntake {
    private static final Logger log = LoggerFactory.getLogger(OrderIntake.class);

    private final int count;

    public OrderIntake(@Value("${orders.count:100}") int count) {
        this.count = count;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void logOrders() {
        for (int i = 1; i <= count; i++) {
            log.info("order {} accepted", i);
        }
        log.info("all orders logged: {}", count);
    }

    @PreDestroy
    public void close() {
        log.info("order intake closed");
    }
}
