package dev.kafkaspool.samples.spring;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A Spring Boot service that logs through kafka-spool: Logback configured in
 * {@code logback-spring.xml}, Actuator's health and metrics over HTTP.
 */
@SpringBootApplication
public class OrdersApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrdersApplication.class, args);
    }
}
