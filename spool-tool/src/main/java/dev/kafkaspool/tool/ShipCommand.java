package dev.kafkaspool.tool;

import dev.kafkaspool.config.EngineSettings;
import dev.kafkaspool.config.InvalidConfigException;
import dev.kafkaspool.config.SpoolConfig;
import dev.kafkaspool.engine.SpoolEngine;
import dev.kafkaspool.inspect.SpoolInspection;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;


/**
 * {@code ship <dir>}: starts an engine on the spool directory, which ships what an earlier process
 * left before anything else, each event to its own topic, and stops it once the spool is empty or
 * the timeout has passed. The engine takes the directory's ownership lock, so a directory a
 * running process owns is refused.
 */
final class ShipCommand implements Command {
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);
    private static final long POLL_MILLIS = 100;
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        Arguments a = Arguments.parse(args,
                Set.of("--bootstrap-servers", "--producer-property", "--header", "--timeout"), Set.of());
        String servers = a.value("--bootstrap-servers");
        if (servers == null || servers.isBlank()) {
            throw new UsageException("ship needs --bootstrap-servers HOST:PORT");
        }
        Duration timeout = timeout(a.value("--timeout"));
        Path dir = a.directory().toAbsolutePath().normalize();
        SpoolConfig config = config(a, dir, servers);
        Map<String, byte[]> headers = headers(a);
        long pending;
        try (SpoolInspection spool = SpoolInspection.open(dir)) {
            pending = spool.summary().pendingEvents();
        }
        if (pending == 0) {
            out.println("nothing to ship: the spool in " + dir + " holds no pending events");
            return ExitCodes.OK;
        }
        SpoolEngine.Builder builder = SpoolEngine.builder(config).status(new ToolStatus(err));
        headers.forEach(builder::header);
        SpoolEngine engine = builder.start();
        try {
            if (!engine.stats().diskSpool()) {
                err.println("error: cannot ship from " + dir + ": the spool could not be opened (see the message "
                        + "above; a directory owned by a running process is refused)");
                return ExitCodes.CANNOT_OPEN;
            }
            out.println("shipping " + engine.stats().spoolEvents() + " event(s) from " + dir + " to " + servers);
            out.flush();
            awaitEmpty(engine, timeout, out);
        } finally {
            engine.stop(STOP_TIMEOUT);
        }
        long left = engine.stats().spoolEvents();
        if (left == 0) {
            out.println("done: " + engine.stats().shipped() + " event(s) shipped; the spool is empty");
            return ExitCodes.OK;
        }
        err.println("not finished: " + left + " event(s) still in the spool after " + timeout.toSeconds()
                + " s (" + engine.stats().shipped() + " shipped); run ship again, or see the messages above");
        return ExitCodes.PROBLEM;
    }

    private static Map<String, byte[]> headers(Arguments a) {
        Map<String, byte[]> headers = new LinkedHashMap<>();
        for (String header : a.values("--header")) {
            String[] kv = Arguments.keyValue("--header", header);
            headers.put(kv[0], kv[1].getBytes(StandardCharsets.UTF_8));
        }
        return headers;
    }

    private static SpoolConfig config(Arguments a, Path dir, String servers) {
        SpoolConfig.Builder b = SpoolConfig.builder()
                .set(EngineSettings.NAME, "spool-tool")
                .set(EngineSettings.BOOTSTRAP_SERVERS, servers)
                .set(EngineSettings.SPOOL_DIR, dir);
        for (String property : a.values("--producer-property")) {
            String[] kv = Arguments.keyValue("--producer-property", property);
            b.producerProperty(kv[0], kv[1]);
        }
        try {
            return b.build();
        } catch (InvalidConfigException e) {
            throw new UsageException(String.join("; ", e.problems()));
        }
    }

    private static void awaitEmpty(SpoolEngine engine, Duration timeout, PrintStream out) {
        long start = System.nanoTime();
        long nextProgress = start + PROGRESS_NANOS;
        while (engine.stats().spoolEvents() > 0 && System.nanoTime() - start < timeout.toNanos()) {
            if (System.nanoTime() - nextProgress >= 0) {
                out.println(engine.stats().spoolEvents() + " event(s) left");
                out.flush();
                nextProgress += PROGRESS_NANOS;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static Duration timeout(String text) {
        if (text == null) {
            return DEFAULT_TIMEOUT;
        }
        try {
            return EngineSettings.STOP_TIMEOUT.parse(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--timeout expects a duration such as 60s or 5m, got '" + text + "'");
        }
    }
}
