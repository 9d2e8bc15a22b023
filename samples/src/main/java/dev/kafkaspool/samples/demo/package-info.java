/**
 * The demo {@code ./demo.sh} runs ({@link dev.kafkaspool.samples.demo.Demo}): a local broker, the
 * two sample services in child JVMs with pod metadata, the broker killed and restarted under them,
 * and every event accounted for in the topic at the end.
 */
package dev.kafkaspool.samples.demo;
