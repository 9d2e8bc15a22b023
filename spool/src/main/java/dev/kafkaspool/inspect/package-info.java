/**
 * Reading a spool directory without owning it, for the spool tool: a summary, a verification of
 * every pending record, and the records themselves ({@link dev.kafkaspool.inspect.SpoolInspection}).
 */
package dev.kafkaspool.inspect;
