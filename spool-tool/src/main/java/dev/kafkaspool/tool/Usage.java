package dev.kafkaspool.tool;

/** The usage text. */
final class Usage {
    static final String TEXT = String.join("\n",
            "Usage: java -jar kafka-spool-tool.jar <command> <spool-dir> [options]",
            "",
            "Commands (info, print and verify only read: they work while the owning process runs):",
            "  info <dir>      size of the files, pending events (not yet acknowledged by Kafka),",
            "                  their oldest and newest time, the committed read position, the files",
            "  print <dir>     pending events, one JSON record per line, oldest first",
            "      --limit N           at most N events",
            "      --level LEVEL       only events at this level or above (TRACE DEBUG INFO WARN ERROR FATAL)",
            "      --since INSTANT     only events at or after this time, e.g. 2026-11-22T08:00:00Z",
            "      --until INSTANT     only events before this time",
            "      --headers           one JSON object per line: eventId, timestamp, level, topic, key,",
            "                          and the record as value",
            "  verify <dir>    reads every pending record and checks that it decodes; reports the",
            "                  first damaged place (file, record, byte offset)",
            "  ship <dir>      sends the pending events to Kafka, each to its own topic, and exits when",
            "                  the spool is empty; refuses a directory a running process owns",
            "      --bootstrap-servers HOST:PORT[,HOST:PORT]   required",
            "      --producer-property KEY=VALUE              repeatable (security settings, ...)",
            "      --header KEY=VALUE                         a header on every record, repeatable",
            "      --timeout DURATION                         give up after this long (default 60s)",
            "",
            "Exit codes:",
            "  0  done, nothing wrong (verify: clean; ship: the spool is empty)",
            "  1  a problem was found or the work is not finished (damage; events left after the timeout)",
            "  2  usage error",
            "  3  the directory cannot be used: missing, not a spool, owned by a running process (ship),",
            "     or Chronicle Queue cannot load (the message names the JVM flags to add)",
            "");

    private Usage() {
    }
}
