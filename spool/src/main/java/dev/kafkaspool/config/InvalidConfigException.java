package dev.kafkaspool.config;

import java.util.List;

/** Thrown by {@link SpoolConfig.Builder#build()}; lists every problem found, not just the first. */
public final class InvalidConfigException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final List<String> problems;

    InvalidConfigException(List<String> problems) {
        super(String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One sentence per problem, each naming the setting. */
    public List<String> problems() {
        return problems;
    }
}
