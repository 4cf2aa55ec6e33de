package dev.nn.mnist.idx;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class IdxReaderTest {

    @TempDir
    Path dir;

    static byte[] idx(IdxArray array) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        IdxWriter.write(out, array);
        return out.toByteArray();
    }

    static byte[] gzip(byte[] data) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        }
        return out.toByteArray();
    }

    static IdxFile read(byte[] bytes) throws IOException {
        return IdxReader.read(new ByteArrayInputStream(bytes), "f.idx");
    }

    static void assertRejected(byte[] bytes, String expected) {
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> read(bytes));
        assertTrue(e.getMessage().startsWith("f.idx: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void roundTripsEveryTypeAndRankPlainAndGzipped() throws IOException {
        byte[] data = new byte[2 * 3 * 8];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 37);
        }
        for (IdxType type : IdxType.values()) {
            int items = data.length / type.bytes();
            for (int[] dims : new int[][]{{items}, {2, items / 2}, {2, 3, items / 6}}) {
                IdxArray array = new IdxArray(type, dims, data);
                for (boolean gz : new boolean[]{false, true}) {
                    Path file = dir.resolve(type + "-" + dims.length + (gz ? ".gz" : ""));
                    IdxWriter.write(file, array, gz);
                    IdxFile back = IdxReader.read(file);
                    assertEquals(array, back.array());
                    assertEquals(gz, back.gzipped());
                }
            }
        }
    }

    @Test
    void gzipIsDetectedByContentNotByName() throws IOException {
        IdxArray array = IdxArray.ofUnsignedBytes(new byte[]{1, 2, 3, 4, 5, 6}, 2, 3);
        Path zippedButNamedPlain = dir.resolve("images-idx3-ubyte");
        Path plainButNamedGz = dir.resolve("labels.gz");
        Files.write(zippedButNamedPlain, gzip(idx(array)));
        Files.write(plainButNamedGz, idx(array));
        assertEquals(array, IdxReader.read(zippedButNamedPlain).array());
        assertEquals(array, IdxReader.read(plainButNamedGz).array());
    }

    @Test
    void contentChecksumIsTheSameForPlainAndGzip() throws IOException {
        byte[] plain = idx(IdxArray.ofUnsignedBytes(new byte[]{9, 8, 7}, 3));
        IdxFile a = read(plain);
        IdxFile b = read(gzip(plain));
        assertEquals(a.contentSha256(), b.contentSha256());
        assertFalse(a.fileSha256().equals(b.fileSha256()));
    }

    @Test
    void malformedFilesGetOneLineNamingTheFile() throws IOException {
        byte[] good = idx(IdxArray.ofUnsignedBytes(new byte[12], 3, 4));
        assertRejected(new byte[0], "empty");
        assertRejected(new byte[]{0, 0}, "too short to be an IDX file");
        assertRejected("PK\u0003\u0004 a zip file".getBytes(), "not an IDX file: it starts with 0x504b0304");
        assertRejected(new byte[]{0, 0, 0x07, 1, 0, 0, 0, 1, 5}, "unknown IDX type code 0x07");
        assertRejected(new byte[]{0, 0, 0x08, 0}, "rank 0");
        assertRejected(Arrays.copyOf(good, 6), "truncated in the header");
        assertRejected(Arrays.copyOf(good, good.length - 1), "truncated: dimensions [3, 4] of unsigned_byte call for "
                + "12 bytes of data, but the file ends after 11");
        byte[] longer = Arrays.copyOf(good, good.length + 2);
        assertRejected(longer, "has bytes after the 12 bytes of data");
        byte[] zipped = gzip(good);
        assertRejected(Arrays.copyOf(zipped, zipped.length - 12), "truncated");
        byte[] garbage = zipped.clone();
        for (int i = 12; i < garbage.length - 8; i++) {
            garbage[i] ^= (byte) 0x5A;
        }
        assertRejected(garbage, "gzip");
        assertRejected(gzip(new byte[]{1, 2, 3, 4, 5}), "not an IDX file");
    }

    @Test
    void aHeaderThatPromisesMoreThanTheFileHoldsAllocatesOnlyWhatArrives() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(16 + 10);
        header.putInt(0x00000803).putInt(60_000).putInt(28).putInt(28);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        assertRejected(header.array(), "call for 47040000 bytes of data, but the file ends after 10");
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < 4 << 20, "allocated " + allocated + " bytes for a 26-byte file");
    }

    @Test
    void dimensionsBeyondTwoGigabytesAreRefused() {
        ByteBuffer header = ByteBuffer.allocate(16);
        header.putInt(0x00000D03).putInt(65_536).putInt(65_536).putInt(2);
        assertRejected(header.array(), "more than 2 GiB");
        ByteBuffer negative = ByteBuffer.allocate(8);
        negative.putInt(0x00000801).putInt(-1);
        assertRejected(negative.array(), "too large");
    }

    /** Issue 17, item 4: a zero first dimension hid the overflow of the sample size (which wrapped to 131073). */
    @Test
    void aSampleBeyondTwoGigabytesIsRefusedEvenWhenThereAreNoSamples() {
        ByteBuffer header = ByteBuffer.allocate(16);
        header.putInt(0x00000803).putInt(0).putInt(65_537).putInt(65_537);
        assertRejected(header.array(), "more than 2 GiB of data per sample");
    }

    /** Issue 17, item 13: a gzip stream that ends early said "(null)". */
    @Test
    void aGzipThatEndsEarlySaysSo() throws IOException {
        byte[] whole = gzip(idx(IdxArray.ofUnsignedBytes(new byte[5000], 50, 10, 10)));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        IdxFormatException e = assertThrows(IdxFormatException.class, () -> read(cut));
        assertTrue(e.getMessage().contains("truncated or corrupt gzip data") && !e.getMessage().contains("null"),
                e.getMessage());
    }

    @Test
    void valuesOfEveryTypeReadBack() {
        ByteBuffer b = ByteBuffer.allocate(8);
        b.putFloat(1.5f).putFloat(-2f);
        assertEquals(-2.0, new IdxArray(IdxType.FLOAT, new int[]{2}, b.array()).value(1));
        assertEquals(255.0, IdxArray.ofUnsignedBytes(new byte[]{(byte) 255}, 1).value(0));
        assertEquals(-1.0, new IdxArray(IdxType.SIGNED_BYTE, new int[]{1}, new byte[]{(byte) 255}).value(0));
        assertArrayEquals(new int[]{2}, new IdxArray(IdxType.FLOAT, new int[]{2}, b.array()).dims());
    }
}
