package dev.kafkaspool.engine.spool;

import dev.kafkaspool.config.FullPolicy;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.DropReason;
import dev.kafkaspool.engine.EncodedEvent;
import dev.kafkaspool.engine.EngineCounters;
import dev.kafkaspool.engine.ProblemReporter;
import dev.kafkaspool.engine.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A spool with a size cap and a policy for when it is full. Every event handed to
 * {@link #append} is either spooled or counted as dropped with its reason. The parked topics'
 * stores are part of the spool: their bytes count against the cap, and the full policy drops
 * from them once the spool itself has nothing to drop. Thread-safe.
 *
 * <p>A logging thread that finds the spool full while Kafka answers (disk durability, the spool
 * being drained: an answer came within the last {@code blockTimeout}) waits for room, up to
 * {@code blockTimeout}, before the full policy applies: a burst against a healthy broker is slowed
 * to the drain's pace instead of losing events, also when Kafka's answers come far apart (a far
 * broker answers once per round trip). When Kafka does not answer, or the room is held by parked
 * topics' records (which Kafka does not take), the policy applies at once. The shipper never waits
 * here.
 */
public final class CappedSpool {
    private static final long BLOCK_PAUSE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final Spool spool;
    private final ParkedTopics parked;
    private final long maxBytes;
    private final FullPolicy policy;
    private final long blockTimeoutNanos;
    /** Until when Kafka counts as answering: {@code blockTimeout} after its last answer; set by the shipper. */
    private volatile long answeringUntilNanos;
    private final EngineCounters counters;
    private final Ticker ticker;
    private final ProblemReporter problems;

    /** {@code maxBytes} is the configured cap, or less for a memory spool. */
    public CappedSpool(Spool spool, ParkedTopics parked, long maxBytes, SpoolConfig config, EngineCounters counters,
                Ticker ticker, ProblemReporter problems) {
        this.spool = spool;
        this.parked = parked;
        this.maxBytes = maxBytes;
        this.policy = config.fullPolicy();
        this.blockTimeoutNanos = config.blockTimeout().toNanos();
        this.counters = counters;
        this.ticker = ticker;
        this.problems = problems;
        this.answeringUntilNanos = ticker.nanos();
    }

    public Spool spool() {
        return spool;
    }

    public ParkedTopics parked() {
        return parked;
    }

    /**
     * The shipper says whether its producer takes records and when Kafka last answered, so that a
     * full spool is drained (see the class comment).
     */
    public void kafkaAnswering(boolean producerAnswers, long lastAnswerNanos) {
        answeringUntilNanos = producerAnswers ? lastAnswerNanos + blockTimeoutNanos : ticker.nanos();
    }

    /**
     * Spools the event, applying the full policy; on the shipper thread.
     *
     * @return true when it was spooled; false when it was dropped (and counted)
     */
    public boolean append(long instanceId, EncodedEvent event) {
        return append(instanceId, event, spool, false);
    }

    /** As {@link #append(long, EncodedEvent)}, into a parked topic's store. */
    public boolean append(long instanceId, EncodedEvent event, Spool target) {
        return append(instanceId, event, target, false);
    }

    /**
     * As {@link #append(long, EncodedEvent)}, on a logging thread (disk durability): a full spool
     * that Kafka is draining is waited for (see the class comment).
     */
    public boolean appendFromLogging(long instanceId, EncodedEvent event) {
        return append(instanceId, event, spool, true);
    }

    private boolean append(long instanceId, EncodedEvent event, Spool target, boolean loggingThread) {
        long deadline = 0;
        while (true) {
            synchronized (this) {
                int size = spool.storedSize(event);
                if (pendingBytes() + size <= maxBytes) {
                    return write(instanceId, event, target);
                }
                boolean waitForRoom = policy == FullPolicy.BLOCK || loggingThread && roomCanCome(size);
                if (!waitForRoom || deadline != 0 && ticker.nanos() - deadline >= 0) {
                    return makeRoom(size) ? write(instanceId, event, target) : drop(DropReason.SPOOL_FULL);
                }
            }
            if (deadline == 0) {
                deadline = ticker.nanos() + blockTimeoutNanos;
            }
            LockSupport.parkNanos(BLOCK_PAUSE_NANOS);
        }
    }

    /**
     * Whether a logging thread's wait can end in room for {@code size} bytes: Kafka answers, and the
     * spool's own records, as Kafka takes them, free enough; the parked topics' records do not.
     */
    private boolean roomCanCome(int size) {
        return ticker.nanos() - answeringUntilNanos < 0 && spool.pendingBytes() >= pendingBytes() + size - maxBytes;
    }

    private boolean makeRoom(int size) {
        if (policy != FullPolicy.DROP_OLDEST) {
            return false;
        }
        while (pendingBytes() + size > maxBytes) {
            if (dropOldest() == 0) {
                return false;
            }
            counters.dropped(DropReason.SPOOL_FULL);
            problems.dropped(DropReason.SPOOL_FULL);
        }
        return true;
    }

    /** Drops the oldest event of the spool or of the parked topics, whichever is older. */
    private long dropOldest() {
        long parkedOldest = parked.oldestTimestampMillis();
        if (parkedOldest >= 0) {
            long spooledOldest = spool.oldestTimestampMillis();
            if (spooledOldest < 0 || parkedOldest < spooledOldest) {
                long freed = parked.dropOldest();
                if (freed > 0) {
                    return freed;
                }
            }
        }
        long freed = spool.dropOldest();
        return freed > 0 ? freed : parked.dropOldest();
    }

    private long pendingBytes() {
        return spool.pendingBytes() + parked.pendingBytes();
    }

    private boolean write(long instanceId, EncodedEvent event, Spool target) {
        try {
            target.append(instanceId, event);
            counters.spool();
            return true;
        } catch (SpoolException e) {
            problems.spoolWriteFailed(e);
            return drop(DropReason.SPOOL_ERROR);
        }
    }

    private boolean drop(DropReason reason) {
        counters.dropped(reason);
        problems.dropped(reason);
        return false;
    }
}
