package dev.nn.core.io;

/** The heap cannot hold what a file, a network or a batch needs; the message says how much and what for. */
public final class NotEnoughHeapException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    private static final long MB = 1 << 20;

    private final long needed;

    /** {@code what} needs {@code needed} bytes, {@code free} are left. */
    public NotEnoughHeapException(String what, long needed, long free) {
        super(what + ": needs about " + Math.max(1, needed / MB) + " MB of heap, but only " + free / MB
                + " MB is free");
        this.needed = needed;
    }

    /** The bytes that were needed. */
    public long needed() {
        return needed;
    }
}
