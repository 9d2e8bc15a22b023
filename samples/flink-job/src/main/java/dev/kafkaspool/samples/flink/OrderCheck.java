package dev.kafkaspool.samples.flink;

import org.apache.flink.api.common.functions.MapFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks one order and logs the outcome: every order at INFO, every {@value #OVER_LIMIT_EVERY}th
 * as over its credit limit at WARN, and every {@value #UNPRICED_EVERY}th as not priced at ERROR
 * with its exception. Runs in the TaskManagers' task threads.
 */
final class OrderCheck implements MapFunction<Long, String> {
    static final long OVER_LIMIT_EVERY = 100;
    static final long UNPRICED_EVERY = 250;

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OrderCheck.class);

    @Override
    public String map(Long order) {
        LOG.info("order {} checked", order);
        if (order % OVER_LIMIT_EVERY == 0) {
            LOG.warn("order {} is over its customer's credit limit", order);
        }
        if (order % UNPRICED_EVERY == 0) {
            LOG.error("order {} could not be priced", order, new IllegalStateException(
                    "no price list for order " + order, new IllegalArgumentException("currency XTS")));
        }
        return "order-" + order;
    }
}
