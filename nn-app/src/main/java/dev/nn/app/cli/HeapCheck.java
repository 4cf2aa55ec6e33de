package dev.nn.app.cli;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Heap arithmetic: refuse data that cannot fit before reading it, and report the peak afterwards. */
public final class HeapCheck {

    private static final long MB = 1 << 20;

    private HeapCheck() {
    }

    /**
     * Fails with one line when the IDX files in {@code dir} cannot fit in the heap: reading one needs its
     * uncompressed size, twice over at the moment its buffer grows (a gzip file's size is in its trailer).
     */
    public static void requireRoomFor(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return; // the loader names the problem
        }
        long total = 0;
        long largest = 0;
        List<Path> files;
        try (Stream<Path> listing = Files.list(dir)) {
            files = listing.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            long size = uncompressedSize(file);
            total += size;
            largest = Math.max(largest, size);
        }
        long needed = total + largest;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed > free) {
            throw new UserException("--data " + dir + ": reading this data needs about " + needed / MB
                    + " MB of heap, but only " + free / MB + " MB is free; give Java more, e.g. NN_JAVA_OPTS=-Xmx"
                    + Math.max(1, (needed * 2 / MB + 1023) / 1024) + "g");
        }
    }

    /**
     * The heap the program's data really takes: what is in use after a collection (the data, the network and
     * its buffers), not the garbage a peak figure counts.
     */
    public static long liveHeapBytes() {
        System.gc();
        Runtime rt = Runtime.getRuntime();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** The peak heap use of this JVM so far, in bytes (the sum of the heap pools' peaks: an upper bound). */
    public static long peakHeapBytes() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    private static long uncompressedSize(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
            long length = f.length();
            if (length >= 18 && f.read() == 0x1f && f.read() == 0x8b) {
                f.seek(length - 4);
                long isize = Integer.toUnsignedLong(Integer.reverseBytes(f.readInt()));
                return Math.max(isize, length); // ISIZE is the size modulo 4 GiB
            }
            return length;
        }
    }
}
