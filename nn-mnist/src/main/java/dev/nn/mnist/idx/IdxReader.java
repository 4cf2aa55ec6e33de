package dev.nn.mnist.idx;

import dev.nn.core.io.HeapRoom;
import dev.nn.core.io.InputFiles;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Reads IDX files, gzipped or plain (told apart by the gzip magic bytes, not by the name). Every malformed
 * input ends in an {@link IdxFormatException} naming the file, and memory grows only with the bytes actually
 * present, never with what a header merely claims.
 */
public final class IdxReader {

    private static final int GZIP_MAGIC_1 = 0x1f;
    private static final int GZIP_MAGIC_2 = 0x8b;
    private static final int MAX_RANK = 16;
    private static final int FIRST_CHUNK = 1 << 20;

    private IdxReader() {
    }

    /** Reads the IDX file at {@code file}. */
    public static IdxFile read(Path file) throws IOException {
        InputFiles.requireRegular(file);
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** Reads an IDX file from {@code in}; {@code name} is used in messages. Does not close {@code in}. */
    public static IdxFile read(InputStream in, String name) throws IOException {
        MessageDigest fileDigest = sha256();
        MessageDigest contentDigest = sha256();
        BufferedInputStream raw = new BufferedInputStream(new DigestInputStream(in, fileDigest), 1 << 16);
        raw.mark(2);
        boolean gzipped = raw.read() == GZIP_MAGIC_1 && raw.read() == GZIP_MAGIC_2;
        raw.reset();
        try {
            InputStream content = gzipped ? new GZIPInputStream(raw, 1 << 16) : raw;
            DigestInputStream digested = new DigestInputStream(content, contentDigest);
            IdxArray array = parse(new BufferedInputStream(digested, 1 << 16), name, gzipped);
            raw.transferTo(OutputStream.nullOutputStream()); // the rest of the gzip trailer, for the file digest
            HexFormat hex = HexFormat.of();
            return new IdxFile(name, array, hex.formatHex(contentDigest.digest()), hex.formatHex(fileDigest.digest()),
                    gzipped);
        } catch (ZipException | EOFException e) {
            if (gzipped) {
                throw new IdxFormatException(name, "truncated or corrupt gzip data"
                        + (e.getMessage() == null ? " (it ends too soon)" : " (" + e.getMessage() + ")"));
            }
            throw e;
        }
    }

    private static IdxArray parse(InputStream in, String name, boolean gzipped) throws IOException {
        byte[] magic = new byte[4];
        int got = in.readNBytes(magic, 0, 4);
        if (got < 4) {
            throw new IdxFormatException(name, got == 0 ? "empty" + (gzipped ? " after gunzip" : "")
                    : "too short to be an IDX file (" + got + " bytes)");
        }
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IdxFormatException(name, String.format(
                    "not an IDX file: it starts with 0x%02x%02x%02x%02x, an IDX file with 0x0000 then a type code",
                    magic[0], magic[1], magic[2], magic[3]) + (gzipped ? " (after gunzip)" : ""));
        }
        IdxType type = IdxType.ofCode(magic[2] & 0xFF);
        if (type == null) {
            throw new IdxFormatException(name, String.format("unknown IDX type code 0x%02x in the magic number"
                    + " (known: 08 ubyte, 09 byte, 0B short, 0C int, 0D float, 0E double)", magic[2] & 0xFF));
        }
        int rank = magic[3] & 0xFF;
        if (rank < 1 || rank > MAX_RANK) {
            throw new IdxFormatException(name, "rank " + rank + " in the magic number; expected 1 to " + MAX_RANK);
        }
        byte[] header = new byte[4 * rank];
        if (in.readNBytes(header, 0, header.length) < header.length) {
            throw new IdxFormatException(name, "truncated in the header (" + rank + " dimensions expected)");
        }
        int[] dims = new int[rank];
        long bytes = type.bytes();
        long itemBytes = type.bytes();
        for (int i = 0; i < rank; i++) {
            long d = ((header[4 * i] & 0xFFL) << 24) | ((header[4 * i + 1] & 0xFF) << 16)
                    | ((header[4 * i + 2] & 0xFF) << 8) | (header[4 * i + 3] & 0xFF);
            if (d > Integer.MAX_VALUE) {
                throw new IdxFormatException(name, "dimension " + (i + 1) + " is " + d + ", too large");
            }
            dims[i] = (int) d;
            bytes *= d;
            itemBytes *= i == 0 ? 1 : d;
            if (bytes > Integer.MAX_VALUE - 8 || itemBytes > Integer.MAX_VALUE - 8) {
                throw new IdxFormatException(name, "dimensions " + Arrays.toString(Arrays.copyOf(dims, i + 1))
                        + "... describe more than 2 GiB of data" + (bytes > Integer.MAX_VALUE - 8 ? "" : " per sample")
                        + ", more than nn can hold in one array");
            }
        }
        byte[] data = readExactly(in, (int) bytes, name, dims, type);
        if (in.read() != -1) {
            throw new IdxFormatException(name, "has bytes after the " + bytes + " bytes of data that dimensions "
                    + Arrays.toString(dims) + " call for");
        }
        return new IdxArray(type, dims, data);
    }

    /** Reads exactly {@code n} bytes, growing the buffer as bytes arrive rather than trusting {@code n}. */
    private static byte[] readExactly(InputStream in, int n, String name, int[] dims, IdxType type)
            throws IOException {
        byte[] buffer = new byte[Math.min(n, FIRST_CHUNK)];
        int filled = 0;
        while (filled < n) {
            if (filled == buffer.length) {
                int grown = (int) Math.min(n, 2L * buffer.length);
                HeapRoom.require(name + " (" + n + " bytes of data)", (long) grown + buffer.length);
                buffer = Arrays.copyOf(buffer, grown);
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IdxFormatException(name, "truncated: dimensions " + Arrays.toString(dims) + " of "
                        + type.name().toLowerCase(Locale.ROOT) + " call for " + n
                        + " bytes of data, but the file ends after " + filled);
            }
            filled += read;
        }
        return buffer;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
