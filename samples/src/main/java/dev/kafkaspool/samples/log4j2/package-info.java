/**
 * A plain service that logs through the Log4j 2 API; its {@code log4j2.xml} files (a minimal one
 * and a production one) sit next to it on the class path.
 */
package dev.kafkaspool.samples.log4j2;
