package dev.kafkaspool.engine;

import java.nio.charset.StandardCharsets;

/** The log levels the engine knows, framework-free; each appender maps its framework's levels. */
public enum LogLevel {
    TRACE, DEBUG, INFO, WARN, ERROR, FATAL;

    private static final LogLevel[] BY_CODE = values();

    private final byte[] headerValue = name().getBytes(StandardCharsets.US_ASCII);

    /** The level's name as a record header value; shared, never modify. */
    public byte[] headerValue() {
        return headerValue;
    }

    public byte code() {
        return (byte) ordinal();
    }

    public static LogLevel fromCode(byte code) {
        return code >= 0 && code < BY_CODE.length ? BY_CODE[code] : INFO;
    }
}
