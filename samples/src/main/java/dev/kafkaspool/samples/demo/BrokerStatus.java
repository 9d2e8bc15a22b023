package dev.kafkaspool.samples.demo;

/** Whether the demo's broker is up, down, or starting again; read by the progress display. */
final class BrokerStatus {

    private volatile String text = "starting";
    private volatile boolean down;

    void up() {
        text = "up";
        down = false;
    }

    void killed() {
        text = "DOWN (killed)";
        down = true;
    }

    void restarting() {
        text = "restarting";
        down = true;
    }

    /** Whether the services cannot reach the broker now (killed, or not ready again yet). */
    boolean isDown() {
        return down;
    }

    @Override
    public String toString() {
        return text;
    }
}
