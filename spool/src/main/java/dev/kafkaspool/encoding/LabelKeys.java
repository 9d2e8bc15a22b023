package dev.kafkaspool.encoding;

/**
 * ECS {@code labels} keys as the ecs-logging spec sanitises them: {@code .}, {@code *} and
 * {@code \} become {@code _}, so an MDC key {@code user.id} stays one label instead of becoming a
 * nested object. A key that needs no change is returned as it is; a changed one is remembered in a
 * small table by identity (MDC keys are mostly the same string instances), so the common keys cost
 * no allocation, while the table's bound keeps nothing per distinct key. <b>Not thread-safe.</b>
 */
final class LabelKeys {
    private static final int SIZE = 64;

    private final String[] from = new String[SIZE];
    private final String[] to = new String[SIZE];

    String sanitise(String key) {
        if (!needsChange(key)) {
            return key;
        }
        int slot = System.identityHashCode(key) & (SIZE - 1);
        if (from[slot] == key) {
            return to[slot];
        }
        String changed = replace(key);
        from[slot] = key;
        to[slot] = changed;
        return changed;
    }

    static boolean needsChange(String key) {
        for (int i = 0; i < key.length(); i++) {
            if (isReplaced(key.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    static String replace(String key) {
        char[] c = key.toCharArray();
        for (int i = 0; i < c.length; i++) {
            if (isReplaced(c[i])) {
                c[i] = '_';
            }
        }
        return new String(c);
    }

    private static boolean isReplaced(char c) {
        return c == '.' || c == '*' || c == '\\';
    }
}
