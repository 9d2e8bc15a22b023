package dev.kafkaspool.samples.service;

/** The exception the sample services log with their ERROR events; its cause says why. */
public final class DemoFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** A failure of the order with this id, caused by a timeout of a service it called. */
    public DemoFailure(String orderId) {
        super("order " + orderId + " failed", new java.util.concurrent.TimeoutException(
                "card service did not answer within 2 s"));
    }
}
