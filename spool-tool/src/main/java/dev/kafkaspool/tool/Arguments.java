package dev.kafkaspool.tool;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A command's arguments: one spool directory and {@code --name value} (or {@code --name=value})
 * options, checked against the options the command knows. <b>Not thread-safe.</b>
 */
final class Arguments {
    private final Path directory;
    private final Map<String, List<String>> options;

    private Arguments(Path directory, Map<String, List<String>> options) {
        this.directory = directory;
        this.options = options;
    }

    /**
     * @param valued options that take a value
     * @param flags options without a value
     * @throws UsageException naming what is wrong
     */
    static Arguments parse(List<String> args, Set<String> valued, Set<String> flags) {
        Path dir = null;
        Map<String, List<String>> options = new HashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (!a.startsWith("--")) {
                if (dir != null) {
                    throw new UsageException("one spool directory expected, got '" + dir + "' and '" + a + "'");
                }
                dir = Path.of(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            String value;
            if (flags.contains(name)) {
                if (eq >= 0) {
                    throw new UsageException(name + " takes no value");
                }
                value = "";
            } else if (valued.contains(name)) {
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.size()) {
                    value = args.get(++i);
                } else {
                    throw new UsageException(name + " needs a value");
                }
            } else {
                throw new UsageException("unknown option " + name);
            }
            options.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
        }
        if (dir == null) {
            throw new UsageException("the spool directory is missing");
        }
        return new Arguments(dir, options);
    }

    Path directory() {
        return directory;
    }

    boolean has(String option) {
        return options.containsKey(option);
    }

    /** The option's value (the last one if given twice), or null. */
    String value(String option) {
        List<String> values = options.get(option);
        return values == null ? null : values.get(values.size() - 1);
    }

    /** Every value of a repeatable option. */
    List<String> values(String option) {
        return options.getOrDefault(option, List.of());
    }

    /** Splits {@code key=value}. */
    static String[] keyValue(String option, String text) {
        int eq = text.indexOf('=');
        if (eq <= 0) {
            throw new UsageException(option + " expects KEY=VALUE, got '" + text + "'");
        }
        return new String[] {text.substring(0, eq), text.substring(eq + 1)};
    }
}
