package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.URISyntaxException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The container id from fixture copies of {@code /proc/self/cgroup} and {@code /proc/self/mountinfo}. */
class ContainerIdTest {
    private static final String ID = "3f9a1c2b4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8";

    private static Path fixture(String name) {
        try {
            return Path.of(ContainerIdTest.class.getResource("/proc/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void cgroupV1GivesTheIdAtTheEndOfThePath() {
        assertEquals(ID, ContainerId.read(fixture("cgroup-v1-containerd"), fixture("mountinfo-containerd")));
    }

    @Test
    void cgroupV2WithSystemdGivesTheIdInTheScopeName() {
        assertEquals(ID, ContainerId.read(fixture("cgroup-v2-systemd"), fixture("mountinfo-containerd")));
    }

    @Test
    void aNamespacedCgroupFallsBackToDockersMounts() {
        assertEquals(ID, ContainerId.read(fixture("cgroup-v2-namespaced"), fixture("mountinfo-docker")));
    }

    @Test
    void containerdsSandboxIdIsNotTakenForTheContainers() {
        assertNull(ContainerId.read(fixture("cgroup-v2-namespaced"), fixture("mountinfo-containerd")));
    }

    @Test
    void outsideAContainerThereIsNone() {
        assertNull(ContainerId.read(Path.of("/nonexistent/cgroup"), Path.of("/nonexistent/mountinfo")));
        assertNull(ContainerId.fromCgroup("12:memory:/user.slice\n0::/init.scope\n"));
        assertNull(ContainerId.fromMountinfo("22 1 0:21 / /proc rw - proc proc rw\n"));
        assertNull(ContainerId.fromCgroup("0::/kubepods/pod1/" + ID.toUpperCase() + "\n"), "runtimes write lowercase");
    }
}
