/**
 * A plain service that logs through SLF4J and Logback; its {@code logback.xml} files (a minimal one
 * and a production one) sit next to it on the class path.
 */
package dev.kafkaspool.samples.logback;
