package dev.kafkaspool.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;

import dev.kafkaspool.encoding.Records;
import dev.kafkaspool.testbroker.KafkaBroker;
import dev.kafkaspool.testbroker.KafkaBrokerExtension;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * An application whose default charset is ISO-8859-1 (as a JVM started with
 * {@code -Dfile.encoding=ISO-8859-1}, or on Java 17 in a POSIX locale): records are still UTF-8
 * JSON, and text outside Latin-1 (and outside the Basic Multilingual Plane) in the message, the
 * thread's name, an MDC entry and an exception arrives as it was logged.
 */
@Tag("process")
@ExtendWith(KafkaBrokerExtension.class)
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class DefaultCharsetTest {
    @TempDir
    Path dir;

    @Test
    void recordsAreUtf8WhateverTheDefaultCharset(KafkaBroker broker) throws Exception {
        broker.createTopic("latin1", 1);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx256m",
                "-Dfile.encoding=ISO-8859-1", "-Dstdout.encoding=UTF-8"));
        command.addAll(InheritedJvmFlags.get());
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Latin1Application.class.getName(),
                broker.bootstrapServers(), dir.resolve("spool").toString(), "latin1"));
        Path output = dir.resolve("child-output.txt");
        Process child = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the child ended");
        List<String> lines = Files.readAllLines(output, StandardCharsets.ISO_8859_1);
        assertEquals(0, child.exitValue(), String.join("\n", lines));
        assumeTrue(lines.contains("charset ISO-8859-1"), "this JVM takes file.encoding as its default charset: " + lines);
        assertTrue(lines.contains("done " + Latin1Application.EVENTS), String.join("\n", lines));

        List<ConsumerRecord<byte[], byte[]>> records = broker.consume("latin1", Latin1Application.EVENTS,
                Duration.ofSeconds(60));
        Set<String> messages = new TreeSet<>();
        for (ConsumerRecord<byte[], byte[]> record : records) {
            Map<String, Object> r = Records.parse(new String(record.value(), StandardCharsets.UTF_8));
            messages.add(String.valueOf(r.get("message")));
            assertEquals("Arbeiter-" + Latin1Application.TEXT, r.get("process.thread.name"), r::toString);
            assertEquals(Latin1Application.TEXT, r.get("labels/städte"), r::toString);
            assertEquals(Latin1Application.TEXT, r.get("error.message"), r::toString);
        }
        Set<String> expected = new TreeSet<>();
        for (int i = 1; i <= Latin1Application.EVENTS; i++) {
            expected.add(i + " " + Latin1Application.TEXT);
        }
        assertEquals(expected, messages);
    }
}
