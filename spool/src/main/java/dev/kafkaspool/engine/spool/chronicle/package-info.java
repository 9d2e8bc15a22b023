/**
 * The disk spool: a Chronicle Queue in the spool directory, its files, their roll clock, sync,
 * free-space reserve, the ledger of unshipped events and the setting aside of damaged files. The
 * only package that uses Chronicle Queue, and in it only {@link QueueFiles} calls it. Internal to
 * the engine.
 */
package dev.kafkaspool.engine.spool.chronicle;
