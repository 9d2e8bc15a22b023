package dev.kafkaspool.encoding;

import dev.kafkaspool.engine.EncodedEvent;


/**
 * The Kafka record key of an event, by the format's {@link KeyStrategy}, as UTF-8 in a reused
 * buffer. One per encoder: <b>not thread-safe</b>.
 */
final class RecordKeys {
    private static final FieldVisitor<RecordKeys> KEY_FINDER = (name, value, keys) -> keys.offer(name, value);

    private byte[] keyBytes = new byte[256];
    private String wantedKey;
    private Object foundKey;

    /** Sets {@code event}'s key from {@code e}, or no key. */
    void set(EncodedEvent event, RecordFormat format, LogEventView e) {
        KeyStrategy k = format.key;
        switch (k.kind()) {
            case POD:
                event.key(format.podKey, format.podKey.length);
                return;
            case LOGGER:
                keyFrom(event, e.loggerName());
                return;
            case THREAD:
                keyFrom(event, e.threadName());
                return;
            case MDC:
                wantedKey = k.mdcKey();
                foundKey = null;
                try {
                    e.forEachContextEntry(KEY_FINDER, this);
                } catch (RuntimeException ignored) {
                    foundKey = null;
                }
                keyFrom(event, foundKey == null ? null : EventEncoder.safeToString(foundKey));
                return;
            default:
                event.noKey();
        }
    }

    private void offer(String name, Object value) {
        if (foundKey == null && wantedKey.equals(name)) {
            foundKey = value;
        }
    }

    private void keyFrom(EncodedEvent event, String s) {
        if (s == null) {
            event.noKey();
            return;
        }
        int n = Utf8.encode(s, keyBytes, 0);
        if (n < 0) {
            keyBytes = new byte[s.length() * 3];
            n = Utf8.encode(s, keyBytes, 0);
        }
        event.key(keyBytes, n);
    }
}
