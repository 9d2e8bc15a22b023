package dev.kafkaspool.samples.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedClassLoader;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * The classes a piece of code makes the JVM load on the calling thread, found with the JVM's flight
 * recorder: each class load event whose stack holds {@link #marked}. Loads on other threads at
 * the same time (the Kafka client starting, say) are not counted, nor the events of a class loader
 * that only looked up a class another loader had loaded (a class of the JDK, found through the
 * application's loader). The JVM needs a stack depth that reaches the marker: {@link #JVM_FLAG}.
 */
final class ClassLoads {
    /** Deep enough for any stack of a log call. */
    static final String JVM_FLAG = "-XX:FlightRecorderOptions:stackdepth=2048";

    private ClassLoads() {
    }

    /** The names of the classes loaded on this thread while {@code action} ran, in load order. */
    static List<String> during(Runnable action) throws IOException {
        Path file = Files.createTempFile("class-loads-", ".jfr");
        try {
            try (Recording recording = new Recording()) {
                recording.enable("jdk.ClassLoad").withStackTrace();
                recording.start();
                marked(action);
                recording.stop();
                recording.dump(file);
            }
            Set<String> loaded = new LinkedHashSet<>();
            for (RecordedEvent event : RecordingFile.readAllEvents(file)) {
                if (definedByInitiator(event) && event.getStackTrace() != null
                        && event.getStackTrace().getFrames().stream().anyMatch(ClassLoads::isMarker)) {
                    loaded.add(event.getClass("loadedClass").getName());
                }
            }
            return new ArrayList<>(loaded);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void marked(Runnable action) {
        action.run();
    }

    private static boolean definedByInitiator(RecordedEvent event) {
        RecordedClassLoader defining = event.getValue("definingClassLoader");
        RecordedClassLoader initiating = event.getValue("initiatingClassLoader");
        return defining == null ? initiating == null : initiating != null && defining.getId() == initiating.getId();
    }

    private static boolean isMarker(RecordedFrame frame) {
        return frame.getMethod().getType().getName().equals(ClassLoads.class.getName())
                && frame.getMethod().getName().equals("marked");
    }
}
