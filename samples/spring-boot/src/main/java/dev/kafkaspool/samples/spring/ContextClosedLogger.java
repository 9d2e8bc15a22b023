package dev.kafkaspool.samples.spring;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.stereotype.Component;

/** Logs when the application context starts to close (on SIGTERM, before its beans are destroyed). */
@Component
public class ContextClosedLogger implements ApplicationListener<ContextClosedEvent> {
    private static final Logger log = LoggerFactory.getLogger(ContextClosedLogger.class);

    @Override
    public void onApplicationEvent(ContextClosedEvent event) {
        log.info("application context closing");
    }
}
