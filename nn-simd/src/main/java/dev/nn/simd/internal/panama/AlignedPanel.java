package dev.nn.simd.internal.panama;

import java.lang.foreign.Arena;
import java.lang.foreign.MemorySegment;

/**
 * Native memory for a packed panel of B, aligned to {@link #ALIGNMENT} bytes and reused from call to call (grown
 * when a call needs more). A float array's elements may start anywhere against a cache line, and where they do
 * is fixed for the array's life: a panel row's vectors then straddle two lines at every load, and measured at
 * 512 bits one JVM in two ran a 256×1024×784 A·B 25% slower. Here every vector of a panel row starts on a line.
 * Freed by the garbage collector once unreachable. Not thread-safe: each thread holds its own.
 */
final class AlignedPanel {

    /** A cache line, and the widest vector. */
    static final long ALIGNMENT = 64;

    private MemorySegment data = MemorySegment.NULL;

    /** This panel's memory, at least {@code bytes} long; its contents are undefined. */
    MemorySegment atLeast(long bytes) {
        if (data.byteSize() < bytes) {
            data = Arena.ofAuto().allocate(bytes, ALIGNMENT);
        }
        return data;
    }
}
