package dev.kafkaspool.samples.flink;

import org.apache.flink.api.common.JobExecutionResult;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Flink DataStream job that checks a bounded stream of orders and logs what it finds through
 * SLF4J, as job code does; the logging is Flink's own (Log4j 2, configured by
 * {@code log4j-console.properties}), so the job's events, and those of Flink's JobManager and
 * TaskManagers, go wherever that file sends them.
 *
 * <p>{@code main} runs on the environment it is started in: submitted to a Flink cluster
 * ({@code flink run}), on that cluster; started as a plain Java program, on a local MiniCluster in
 * its own JVM. Its argument is the number of orders (default {@value #DEFAULT_ORDERS}).
 */
public final class OrderCheckJob {
    static final String JOB_NAME = "order-check";
    static final long DEFAULT_ORDERS = 1_000;

    private static final Logger LOG = LoggerFactory.getLogger(OrderCheckJob.class);

    private OrderCheckJob() {
    }

    public static void main(String[] args) throws Exception {
        long orders = args.length > 0 ? Long.parseLong(args[0]) : DEFAULT_ORDERS;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        define(env, orders);
        JobExecutionResult result = env.execute(JOB_NAME);
        LOG.info("Job {} checked {} orders in {} ms", result.getJobID(), orders, result.getNetRuntime());
    }

    /** Adds the job's pipeline to {@code env}: orders 1 to {@code orders}, checked, then discarded. */
    static void define(StreamExecutionEnvironment env, long orders) {
        env.fromSequence(1, orders)
                .name("orders")
                .map(new OrderCheck())
                .name("check orders")
                .sinkTo(new DiscardingSink<>())
                .name("discard");
    }
}
