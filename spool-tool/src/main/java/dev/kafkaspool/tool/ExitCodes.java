package dev.kafkaspool.tool;

/** The tool's exit codes, as documented in its usage text and docs/operations.md. */
final class ExitCodes {
    /** Done: the command found nothing wrong (verify: clean; ship: the spool is empty). */
    static final int OK = 0;
    /** Done, but a problem was found or the work is not finished: damage, or events left after ship's timeout. */
    static final int PROBLEM = 1;
    /** The command line is wrong. */
    static final int USAGE = 2;
    /** The directory cannot be used: missing, not a spool, owned by a running process, or Chronicle cannot load. */
    static final int CANNOT_OPEN = 3;

    private ExitCodes() {
    }
}
