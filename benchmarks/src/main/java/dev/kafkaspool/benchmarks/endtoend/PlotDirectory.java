package dev.kafkaspool.benchmarks.endtoend;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Where a run's plots and their data go ({@code -Doutage.plots}, default {@code end-to-end-plots}
 * in the working directory), and the names of the files in it: the applications' percentile
 * distributions ({@code <scenario>-<case>-<phase>.hgrm}), written by the applications themselves,
 * and the plots and samples {@link RunPlots} writes from them.
 */
final class PlotDirectory {

    private PlotDirectory() {
    }

    static Path get() {
        return Path.of(System.getProperty("outage.plots", "end-to-end-plots")).toAbsolutePath();
    }

    /** Creates the directory, emptied of an earlier run's files. */
    static void prepare() {
        try {
            Files.createDirectories(get());
            try (Stream<Path> files = Files.list(get())) {
                for (Path file : (Iterable<Path>) files::iterator) {
                    if (Files.isRegularFile(file)) {
                        Files.delete(file);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The path prefix of an application's distributions ({@link LoggingApplication#DISTRIBUTIONS_PROPERTY}).
     *
     * @param name the application's name in its scenario ({@code throughput}, {@code outage}, ...)
     */
    static String distributionPrefix(String name, AppenderCase appender) {
        return get().resolve(name + "-" + appender.id()).toString();
    }

    /** The distribution of one phase of an application, as {@link LoggingApplication} names it. */
    static Path distribution(String name, AppenderCase appender, String phase) {
        return Path.of(distributionPrefix(name, appender) + "-" + phase + ".hgrm");
    }
}
