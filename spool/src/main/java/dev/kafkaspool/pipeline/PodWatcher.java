package dev.kafkaspool.pipeline;

import dev.kafkaspool.engine.StatusListener;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import dev.kafkaspool.pod.PodMetadata;
import dev.kafkaspool.pod.PodMetadataReloader;

/**
 * Picks up the label and annotation changes Kubernetes writes into the downward API volume while
 * the pod runs. A daemon thread of its own asks the reloader every {@link #INTERVAL_SECONDS}
 * seconds (a cheap look at the files' versions) and hands a changed snapshot to the listener; the
 * logging threads never read the files.
 */
final class PodWatcher {
    /** How often the files are looked at. The kubelet itself updates them about once a minute. */
    static final long INTERVAL_SECONDS = 10;

    private final PodMetadataReloader reloader;
    private final Consumer<PodMetadata> onChange;
    private final StatusListener status;
    private final Thread thread;
    private volatile boolean stopped;

    PodWatcher(String name, PodMetadataReloader reloader, Consumer<PodMetadata> onChange, StatusListener status) {
        this.reloader = reloader;
        this.onChange = onChange;
        this.status = status;
        this.thread = new Thread(this::run, "kafka-spool-" + name + "-pod-metadata");
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    Thread thread() {
        return thread;
    }

    /** Looks at the files now; true when the metadata changed. Also what the thread does each round. */
    boolean checkNow() {
        try {
            if (reloader.refresh()) {
                onChange.accept(reloader.current());
                return true;
            }
        } catch (RuntimeException e) {
            status.warn("pod labels and annotations could not be reloaded: " + e
                    + "; records keep the last ones read", e);
        }
        return false;
    }

    void stop() {
        stopped = true;
        LockSupport.unpark(thread);
    }

    private void run() {
        while (!stopped) {
            LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(INTERVAL_SECONDS));
            if (!stopped) {
                checkNow();
            }
        }
    }
}
