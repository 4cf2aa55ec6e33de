package dev.nn.mnist.idx;

import dev.nn.core.io.AtomicFiles;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes IDX files, plain or gzipped, atomically (temporary file, then rename). */
public final class IdxWriter {

    private IdxWriter() {
    }

    /** Writes {@code array} to {@code file}, gzip-compressed when {@code gzip} is true. */
    public static void write(Path file, IdxArray array, boolean gzip) throws IOException {
        AtomicFiles.write(file, out -> {
            if (gzip) {
                try (GZIPOutputStream zipped = new GZIPOutputStream(out, 1 << 16)) {
                    write(zipped, array);
                }
            } else {
                write(out, array);
            }
        });
    }

    /** Writes {@code array} in IDX form to {@code out}, which is flushed but not closed. */
    public static void write(OutputStream out, IdxArray array) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeShort(0);
        data.writeByte(array.type().code());
        data.writeByte(array.rank());
        for (int d : array.dims()) {
            data.writeInt(d);
        }
        data.write(array.data());
        data.flush();
    }
}
