/**
 * The kafka-spool engine: framework-free, used by the Logback and Log4j 2 appenders. This package
 * holds its public API ({@link dev.kafkaspool.engine.SpoolEngine}, the events, states, statistics and
 * drop reasons, the status channel) and the queue from logging threads to the shipper.
 *
 * <h2>The path of an event, one package per stage</h2>
 * <ol>
 *   <li>{@code dev.kafkaspool.logback}, {@code dev.kafkaspool.log4j2}: the appenders, thin adapters;</li>
 *   <li>{@code dev.kafkaspool.pipeline}: what an appender runs, settings by name, pod metadata;</li>
 *   <li>{@code dev.kafkaspool.encoding}: the event encoded into its record on the logging thread;</li>
 *   <li>{@code dev.kafkaspool.engine}: the queue to the shipper thread ({@code EventQueue});</li>
 *   <li>{@code dev.kafkaspool.engine.spool}: the spool, what Kafka has not acknowledged, and its
 *       parked topics; {@code dev.kafkaspool.engine.spool.chronicle}: the disk spool, the only
 *       code that uses Chronicle Queue;</li>
 *   <li>{@code dev.kafkaspool.engine.shipping}: the shipper thread and its Kafka producer.</li>
 * </ol>
 * Beside the path: {@code dev.kafkaspool.config} (every setting, defined once),
 * {@code dev.kafkaspool.pod} (pod metadata), {@code dev.kafkaspool.metrics} (JMX, Micrometer) and
 * {@code dev.kafkaspool.inspect} (reading a spool without owning it, for the spool tool).
 * Classes in {@code engine.spool}, {@code engine.spool.chronicle} and {@code engine.shipping} are
 * public only so the engine can wire them; they are internal and may change in any release.
 *
 * <h2>Glossary</h2>
 * <dl>
 *   <dt>event</dt><dd>One log event, encoded by an appender into an {@link dev.kafkaspool.engine.EncodedEvent}.</dd>
 *   <dt>submit</dt><dd>What a logging thread does: hand an event to the engine and return.</dd>
 *   <dt>queue</dt><dd>The bounded ring of reused slots between logging threads and the shipper, memory durability ({@code EventQueue}, settings {@code queueSize} and {@code queueMaxBytes}, drop reason {@code queueFull}); a logging thread hands its event off into it.</dd>
 *   <dt>shipper</dt><dd>The engine's one thread that talks to Kafka.</dd>
 *   <dt>spool</dt><dd>The ordered store of events Kafka has not acknowledged: a Chronicle Queue on disk, or memory as a fallback.</dd>
 *   <dt>failover</dt><dd>While the disk spool cannot take writes (filesystem full, failed write), new records wait in memory behind the disk records ({@code FailoverSpool}).</dd>
 *   <dt>reserve</dt><dd>The free space the disk spool leaves on its filesystem ({@code DiskSpace}).</dd>
 *   <dt>durability</dt><dd>{@code memory}: events reach the spool only when Kafka cannot take them; {@code disk}: every event is spooled before submit returns.</dd>
 *   <dt>sync</dt><dd>Forcing what the disk spool wrote to the disk ({@code fdatasync}), on the shipper thread, at most {@code syncInterval} after the write ({@code SpoolSync}); without it a node that loses power loses what the kernel had not written yet.</dd>
 *   <dt>roll clock</dt><dd>The time the disk spool's files roll by: the wall clock's progress, never going back ({@code RollClock}).</dd>
 *   <dt>in flight</dt><dd>Handed to the producer, not yet answered.</dd>
 *   <dt>shipped</dt><dd>Acknowledged by Kafka ({@code acks=all}); each event is counted once.</dd>
 *   <dt>drained</dt><dd>Shipped from the spool.</dd>
 *   <dt>committed</dt><dd>The spool's persistent read position: everything up to it is shipped.</dd>
 *   <dt>dropped</dt><dd>Given up, always counted under one {@link dev.kafkaspool.engine.DropReason}.</dd>
 *   <dt>event id</dt><dd>{@code <instance>-<sequence>}, the same in the record header and value; duplicates share it.</dd>
 *   <dt>damaged</dt><dd>A spooled record whose bytes cannot be decoded is dropped as {@code spoolError} in its turn; a spool file whose later records cannot be reached is set aside in {@code damaged-<time>} at open, its readable records copied out; a file Chronicle cannot open (empty, no header) is set aside before Chronicle opens the spool ({@code DamagedFiles}).</dd>
 *   <dt>ledger</dt><dd>The count of unshipped events kept beside the committed position ({@code SpoolLedger}); at open, events it counts that reading does not find (a missing or cut file) are counted as {@code spoolError}.</dd>
 *   <dt>parked</dt><dd>A topic Kafka does not take records for while it takes the others (missing, not authorised): its records move from the spool to a spool of its own ({@code ParkedTopics}, {@code parked/<topic>/} of the spool directory), in order, and are shipped from there once Kafka takes it; they count as in the spool.</dd>
 *   <dt>restamped</dt><dd>Shipped with the send time as the Kafka record timestamp, because the broker refused the event's own time ({@code Restamping}); the event's time stays in the value.</dd>
 *   <dt>status</dt><dd>The engine's own reporting channel ({@link dev.kafkaspool.engine.StatusListener}); it never logs through a logging framework.</dd>
 * </dl>
 *
 * <p>Public API: {@link dev.kafkaspool.engine.SpoolEngine}, {@code dev.kafkaspool.config.SpoolConfig},
 * {@code dev.kafkaspool.config.EngineSettings}, {@link dev.kafkaspool.engine.EncodedEvent},
 * {@link dev.kafkaspool.engine.EngineStats}, {@link dev.kafkaspool.engine.StatusListener},
 * {@code dev.kafkaspool.config.SecretMask}, and for tools the read-only
 * {@code dev.kafkaspool.inspect.SpoolInspection} with its results.
 */
package dev.kafkaspool.engine;
