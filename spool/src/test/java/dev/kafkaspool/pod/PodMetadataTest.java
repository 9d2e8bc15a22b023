package dev.kafkaspool.pod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class PodMetadataTest {

    @Test
    void theMapsAreImmutableCopiesInTheirGivenOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("z", "1");
        labels.put("a", "2");
        PodMetadata m = PodMetadata.builder().labels(labels).build();
        labels.put("later", "3");
        assertEquals(List.of("z", "a"), List.copyOf(m.labels().keySet()));
        assertThrows(UnsupportedOperationException.class, () -> m.labels().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> m.annotations().put("x", "y"));
        assertThrows(UnsupportedOperationException.class, () -> m.extraFields().put("x", "y"));
    }

    @Test
    void nullEntriesAreRejected() {
        Map<String, String> withNull = new HashMap<>();
        withNull.put("a", null);
        assertThrows(NullPointerException.class, () -> PodMetadata.builder().annotations(withNull));
    }

    @Test
    void blankTextIsUnknownAndIsEmptySeesEveryField() {
        assertTrue(PodMetadata.empty().isEmpty());
        assertNull(PodMetadata.builder().podName("  ").build().podName());
        assertTrue(PodMetadata.builder().podName("").labels(null).build().isEmpty());
        assertFalse(PodMetadata.builder().serviceAccount("sa").build().isEmpty());
        assertFalse(PodMetadata.builder().extraFields(Map.of("a", "b")).build().isEmpty());
        assertFalse(PodMetadata.builder().annotations(Map.of("a", "b")).build().isEmpty());
    }

    @Test
    void equalityCoversEveryField() {
        PodMetadata a = full().build();
        assertEquals(a, full().build());
        assertEquals(a.hashCode(), full().build().hashCode());
        assertNotEquals(a, full().containerName("other").build());
        assertNotEquals(a, full().labels(Map.of("app", "other")).build());
        assertNotEquals(a, full().annotations(Map.of()).build());
        assertNotEquals(a, full().extraFields(Map.of()).build());
    }

    @Test
    void toStringShowsKnownFieldsAndAnnotationKeysOnly() {
        String s = full().build().toString();
        assertEquals("PodMetadata{podName=p, namespace=ns, podUid=uid, podIp=10.0.0.1, nodeName=node, "
                + "containerName=app, serviceAccount=sa, labels={app=payments}, annotations=[big], "
                + "extraFields={team=payments}}", s);
        assertEquals("PodMetadata{nodeName=n}", PodMetadata.builder().nodeName("n").build().toString());
    }

    @Test
    void replacingLabelsAndAnnotationsKeepsTheRest() {
        PodMetadata m = full().build().withLabelsAndAnnotations(Map.of("app", "new"), Map.of());
        assertEquals(full().labels(Map.of("app", "new")).annotations(Map.of()).build(), m);
    }

    private static PodMetadata.Builder full() {
        return PodMetadata.builder().podName("p").namespace("ns").podUid("uid").podIp("10.0.0.1").nodeName("node")
                .containerName("app").serviceAccount("sa").labels(Map.of("app", "payments"))
                .annotations(Map.of("big", "{\"huge\": \"manifest\"}")).extraFields(Map.of("team", "payments"));
    }
}
