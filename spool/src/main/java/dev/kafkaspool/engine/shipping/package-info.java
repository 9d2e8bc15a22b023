/**
 * The shipper: the engine's one thread that talks to Kafka, its producer (created and closed on a
 * thread of its own), the window of records in flight, partitioning, restamping, the diagnosis of
 * missing topics and the shipping of parked topics. Internal to the engine.
 */
package dev.kafkaspool.engine.shipping;
