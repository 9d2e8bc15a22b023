package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.kafkaspool.engine.RecordingStatus;

class PodMetadataReloaderTest {
    @TempDir
    Path dir;

    private final RecordingStatus status = new RecordingStatus();

    @Test
    void refreshFindsNothingWhenNothingChanged() {
        volume().publish(files("version=\"1\"", "a=\"1\""));
        PodMetadataReloader reloader = reloader();
        PodMetadata first = reloader.current();
        assertEquals(Map.of("version", "1"), first.labels());
        assertFalse(reloader.refresh());
        assertFalse(reloader.refresh());
        assertSame(first, reloader.current());
    }

    @Test
    void refreshPicksUpAnUpdateMadeTheWayKubernetesMakesIt() {
        DownwardApiVolume volume = volume();
        volume.publish(files("app=\"payments\"\nversion=\"1\"", "owner=\"team-a\""));
        PodMetadataReloader reloader = reloader();
        assertEquals(Map.of("app", "payments", "version", "1"), reloader.current().labels());

        volume.publish(files("app=\"payments\"\nversion=\"2\"", "owner=\"team-b\""));
        assertTrue(reloader.refresh());
        PodMetadata updated = reloader.current();
        assertEquals(Map.of("app", "payments", "version", "2"), updated.labels());
        assertEquals(Map.of("owner", "team-b"), updated.annotations());
        assertEquals("payments-0", updated.podName(), "what is not in the files stays");
        assertEquals(Map.of("team", "payments"), updated.extraFields());

        assertFalse(reloader.refresh(), "nothing changed since");
        assertSame(updated, reloader.current());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void anUpdateWithTheSameContentIsNoChange() {
        DownwardApiVolume volume = volume();
        volume.publish(files("version=\"1\"", "a=\"1\""));
        PodMetadataReloader reloader = reloader();
        PodMetadata before = reloader.current();
        volume.publish(files("version=\"1\"", "a=\"1\""));
        assertFalse(reloader.refresh());
        assertSame(before, reloader.current());
    }

    @Test
    void filesThatAppearLaterAreRead() {
        PodMetadataReloader reloader = reloader();
        assertEquals(Map.of(), reloader.current().labels());
        assertFalse(reloader.refresh());

        volume().publish(files("app=\"payments\"", "a=\"1\""));
        assertTrue(reloader.refresh());
        assertEquals(Map.of("app", "payments"), reloader.current().labels());
        assertEquals(Map.of("a", "1"), reloader.current().annotations());
    }

    @Test
    void filesThatDisappearLeaveEmptyMaps() {
        DownwardApiVolume volume = volume();
        volume.publish(files("app=\"payments\"", "a=\"1\""));
        PodMetadataReloader reloader = reloader();
        volume.publish(Map.of("labels", "app=\"payments\""));
        assertTrue(reloader.refresh());
        assertEquals(Map.of("app", "payments"), reloader.current().labels());
        assertEquals(Map.of(), reloader.current().annotations());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void aPlainFileRewrittenInPlaceIsReadAgain() throws Exception {
        Path podinfo = Files.createDirectories(dir.resolve("podinfo"));
        Files.writeString(podinfo.resolve("labels"), "version=\"1\"");
        PodMetadataReloader reloader = reloader();
        Files.writeString(podinfo.resolve("labels"), "version=\"10\"");
        assertTrue(reloader.refresh());
        assertEquals(Map.of("version", "10"), reloader.current().labels());
    }

    @Test
    void malformedLinesAreReportedOnceNotAtEveryRefresh() {
        DownwardApiVolume volume = volume();
        volume.publish(files("good=\"1\"\nbroken", "a=\"1\""));
        PodMetadataReloader reloader = reloader();
        assertEquals(Map.of("good", "1"), reloader.current().labels());
        assertFalse(reloader.refresh());
        assertFalse(reloader.refresh());
        assertEquals(1, status.warnings().size(), status.warnings()::toString);
        assertTrue(status.warnings().get(0).contains("line 2 has no '='"), status.warnings()::toString);
    }

    @Test
    void anUpdateDuringARefreshIsReadCompletelyByTheNextOne() {
        DownwardApiVolume volume = volume();
        volume.publish(files("version=\"1\"", "version=\"1\""));
        // The listener publishes version 3 while the refresh is between reading labels and annotations.
        RecordingStatus updatingStatus = new RecordingStatus() {
            @Override
            public void warn(String message, Throwable cause) {
                super.warn(message, cause);
                volume.publish(files("version=\"3\"", "version=\"3\""));
            }
        };
        PodMetadataReloader reloader = new PodMetadataReloader(source().build(), updatingStatus);
        volume.publish(files("version=\"2\"\nmalformed", "version=\"2\""));

        assertFalse(reloader.refresh(), "labels of version 2 and annotations of version 3 are not published");
        assertEquals(Map.of("version", "1"), reloader.current().labels());
        assertTrue(reloader.refresh());
        assertEquals(Map.of("version", "3"), reloader.current().labels());
        assertEquals(Map.of("version", "3"), reloader.current().annotations());
        assertFalse(reloader.refresh());
    }

    @Test
    void outsideKubernetesTheSnapshotIsEmptyAndRefreshFindsNothing() {
        PodMetadataReloader reloader = new PodMetadataReloader(PodMetadataSource.builder()
                .environment(name -> null).hostName(() -> null).podInfoDir(dir.resolve("none"))
                .namespaceFile(dir.resolve("none")).build(), status);
        assertTrue(reloader.current().isEmpty());
        assertFalse(reloader.refresh());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    private DownwardApiVolume volume() {
        return new DownwardApiVolume(dir.resolve("podinfo"));
    }

    private PodMetadataReloader reloader() {
        return new PodMetadataReloader(source().build(), status);
    }

    private PodMetadataSource.Builder source() {
        return PodMetadataSource.builder()
                .environment(Map.of("POD_NAME", "payments-0")::get)
                .hostName(() -> null)
                .podInfoDir(dir.resolve("podinfo"))
                .namespaceFile(dir.resolve("none"))
                .extraFields(ExtraFields.parse("team=payments"));
    }

    private static Map<String, String> files(String labels, String annotations) {
        return Map.of("labels", labels, "annotations", annotations);
    }
}
