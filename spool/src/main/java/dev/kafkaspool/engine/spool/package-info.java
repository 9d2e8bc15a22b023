/**
 * The spool: the ordered store of events Kafka has not acknowledged ({@link dev.kafkaspool.engine.spool.Spool}),
 * its record format, the memory spool, the size cap and full policy, the failover from disk to memory,
 * the spool directory and its owner, and the parked topics' stores. Internal to the engine.
 */
package dev.kafkaspool.engine.spool;
