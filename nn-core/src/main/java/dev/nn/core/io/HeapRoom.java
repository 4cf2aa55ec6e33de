package dev.nn.core.io;

/**
 * Heap arithmetic before a large allocation: a request the heap cannot hold is refused with a
 * {@link NotEnoughHeapException} naming what needed it, instead of an {@link OutOfMemoryError} halfway through.
 */
public final class HeapRoom {

    private HeapRoom() {
    }

    /** Bytes the heap can still give: its maximum less what is in use now (garbage included, so a lower bound). */
    public static long free() {
        Runtime rt = Runtime.getRuntime();
        return rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
    }

    /** Refuses {@code bytes} more for {@code what} when they cannot fit, after one collection to be fair. */
    public static void require(String what, long bytes) {
        if (bytes <= free()) {
            return;
        }
        System.gc(); // what looked full may be garbage
        long free = free();
        if (bytes > free) {
            throw new NotEnoughHeapException(what, bytes, free);
        }
    }
}
