package dev.kafkaspool.encoding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.kafkaspool.pod.PodMetadata;
import org.junit.jupiter.api.Test;

/** The {@code ecs} layout against the ecs-logging spec ({@code spec/spec.json} of elastic/ecs-logging). */
class EcsSpecTest {

    private static Map<String, Object> encode(RecordFormat f, TestEvent e) {
        return Records.parse(Records.encode(f, e));
    }

    @Test
    void theRequiredFieldsComeFirstInTheSpecsOrder() {
        Map<String, Object> r = encode(Records.format(Layout.ECS), new TestEvent());
        List<String> names = new ArrayList<>(r.keySet());
        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version"), names.subList(0, 4), names::toString);
    }

    @Test
    void labelKeysAreSanitisedSoNoneBecomesANestedObject() {
        Map<String, Object> r = encode(Records.format(Layout.ECS),
                new TestEvent().mdc("user.id", "u-9").mdc("a*b", "x").mdc("c\\d", "y").kv("http.status", 200));
        assertEquals("u-9", r.get("labels/user_id"));
        assertEquals("x", r.get("labels/a_b"));
        assertEquals("y", r.get("labels/c_d"));
        assertEquals(200L, r.get("labels/http_status"));
        assertFalse(r.keySet().stream().anyMatch(k -> k.startsWith("labels/") && k.indexOf('.') >= 0), r::toString);
    }

    @Test
    void twoKeysThatSanitiseAlikeBothStay() {
        Map<String, Object> r = encode(Records.format(Layout.ECS), new TestEvent().mdc("user.id", "a").mdc("user_id", "b"));
        assertEquals("a", r.get("labels/user_id"));
        assertEquals("b", r.get("labels/mdc_user_id"));
    }

    @Test
    void eventDatasetIsTheServiceNameAndTheNodeNameIsASetting() {
        RecordFormat f = RecordFormat.create(Records.config(Layout.ECS)
                .set(EncodingSettings.SERVICE_NODE_NAME, "orders-7d9f8-x2x4q").build(), Records.POD);
        Map<String, Object> r = encode(f, new TestEvent());
        assertEquals("orders", r.get("event.dataset"));
        assertEquals("orders-7d9f8-x2x4q", r.get("service.node.name"));
        assertEquals(ProcessHandle.current().pid(), r.get("process.pid"));

        RecordFormat unnamed = RecordFormat.create(Records.config(Layout.ECS).set(EncodingSettings.SERVICE_NAME, null)
                .build(), PodMetadata.empty());
        Map<String, Object> bare = encode(unnamed, new TestEvent());
        assertNull(bare.get("event.dataset"), "no service name, no dataset");
        assertNull(bare.get("service.node.name"));
    }

    @Test
    void theFallbackRecordHasTheVersionServiceAndPod() {
        TestEvent bad = new TestEvent() {
            @Override
            public void formatMessage(StringBuilder into) {
                throw new IllegalArgumentException("bad format");
            }
        };
        Map<String, Object> r = encode(Records.format(Layout.ECS), bad);
        List<String> names = new ArrayList<>(r.keySet());
        assertEquals(List.of("@timestamp", "log.level", "message", "ecs.version"), names.subList(0, 4), names::toString);
        assertEquals("kafka-spool could not encode this event: java.lang.IllegalArgumentException", r.get("message"));
        assertEquals("bad format", r.get("encoding.error"));
        assertEquals("orders", r.get("service.name"));
        assertEquals("orders", r.get("event.dataset"));
        assertEquals("orders-7d9f8-x2x4q", r.get("kubernetes/pod/name"));
        assertEquals("eu-1", r.get("cluster"));
    }
}
