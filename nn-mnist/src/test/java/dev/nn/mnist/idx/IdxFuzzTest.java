package dev.nn.mnist.idx;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * Mutation fuzzing of the IDX reader, plain and gzipped: valid files of several types and ranks, truncated at
 * every length, with bits flipped, bytes replaced, dimensions made huge or negative, magic numbers changed,
 * garbage appended, and gzip streams corrupted. Each input must read or fail with an
 * {@link IdxFormatException} naming the file: no other exception, no hang, no allocation beyond what the
 * input's real size justifies. {@code -Dnn.fuzz.inputs=N} sets the random mutations (default 3,000). Inputs
 * that once escaped are kept under {@code src/test/resources/dev/nn/mnist/fuzz/IdxFuzzTargetInputs/idx} and replayed.
 */
class IdxFuzzTest {

    static final int INPUTS = Integer.getInteger("nn.fuzz.inputs", 3000);

    private static byte[] idx(IdxArray array, boolean gzip) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        if (gzip) {
            try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                IdxWriter.write(z, array);
            }
        } else {
            IdxWriter.write(out, array);
        }
        return out.toByteArray();
    }

    private static List<byte[]> seeds() throws IOException {
        byte[] data = new byte[2 * 3 * 4 * 8];
        new Random(1).nextBytes(data);
        List<byte[]> seeds = new ArrayList<>();
        for (boolean gzip : new boolean[]{false, true}) {
            seeds.add(idx(IdxArray.ofUnsignedBytes(Arrays.copyOf(data, 24), 2, 3, 4), gzip));
            seeds.add(idx(IdxArray.ofUnsignedBytes(Arrays.copyOf(data, 10), 10), gzip));
            seeds.add(idx(new IdxArray(IdxType.FLOAT, new int[]{2, 3}, Arrays.copyOf(data, 24)), gzip));
            seeds.add(idx(new IdxArray(IdxType.DOUBLE, new int[]{3, 2, 2}, Arrays.copyOf(data, 96)), gzip));
        }
        return seeds;
    }

    static void check(byte[] input, String what) throws IOException {
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().threadId();
        long before = threads.getThreadAllocatedBytes(id);
        try {
            IdxReader.read(new ByteArrayInputStream(input), "input");
        } catch (IdxFormatException e) {
            assertTrue(e.getMessage().startsWith("input: ") && !e.getMessage().contains("\n"),
                    what + ": " + e.getMessage());
        } catch (RuntimeException | IOException | Error e) {
            Path kept = Files.createDirectories(Path.of("target", "fuzz-failures"))
                    .resolve("idx-" + Integer.toHexString(Arrays.hashCode(input)) + ".bin");
            Files.write(kept, input);
            fail(what + " escaped as " + e + " (input kept in " + kept + ")", e);
        }
        long allocated = threads.getThreadAllocatedBytes(id) - before;
        assertTrue(allocated < (3 << 20) + 64L * input.length, what + ": allocated " + allocated + " bytes for a "
                + input.length + "-byte input");
    }

    @Test
    void mutatedIdxFilesFailCleanly() {
        assertTimeoutPreemptively(Duration.ofMinutes(5), () -> {
            List<byte[]> seeds = seeds();
            for (byte[] seed : seeds) {
                for (int length = 0; length < seed.length; length++) {
                    check(Arrays.copyOf(seed, length), "truncated at " + length);
                }
            }
            Random random = new Random(2026);
            for (int i = 0; i < INPUTS; i++) {
                byte[] seed = seeds.get(random.nextInt(seeds.size()));
                check(mutate(seed, random), "mutation " + i);
            }
        });
    }

    private static byte[] mutate(byte[] seed, Random random) throws IOException {
        byte[] m = seed.clone();
        switch (random.nextInt(6)) {
            case 0 -> m[random.nextInt(m.length)] ^= (byte) (1 << random.nextInt(8));
            case 1 -> {
                for (int k = 0; k < 1 + random.nextInt(8); k++) {
                    m[random.nextInt(m.length)] = (byte) random.nextInt(256);
                }
            }
            case 2 -> {
                byte[] plain = m[0] == 0x1f ? null : m;
                if (plain != null && plain.length >= 8) {
                    int dim = 4 + 4 * random.nextInt(Math.max(1, plain[3]));
                    int value = switch (random.nextInt(3)) {
                        case 0 -> Integer.MAX_VALUE;
                        case 1 -> -1 - random.nextInt(1000);
                        default -> 1 << random.nextInt(31);
                    };
                    if (dim + 4 <= plain.length) {
                        ByteBuffer.wrap(plain).putInt(dim, value);
                    }
                }
            }
            case 3 -> m = Arrays.copyOf(m, m.length + 1 + random.nextInt(64));
            case 4 -> {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                try (GZIPOutputStream z = new GZIPOutputStream(out)) {
                    z.write(m);
                }
                m = out.toByteArray(); // gzip within gzip, or a plain file gzipped twice over
            }
            default -> {
                if (m.length > 4) {
                    m[2] = (byte) random.nextInt(256);
                    m[3] = (byte) random.nextInt(256);
                }
            }
        }
        return m;
    }

    @Test
    void theKeptCorpusFailsCleanly() throws IOException, URISyntaxException {
        Path corpus = Path.of(getClass().getResource("/dev/nn/mnist/fuzz/IdxFuzzTargetInputs/idx").toURI());
        try (Stream<Path> files = Files.list(corpus)) {
            for (Path input : files.sorted().toList()) {
                byte[] bytes = Files.readAllBytes(input);
                check(bytes, input.getFileName().toString());
                assertThrows(IdxFormatException.class, () -> IdxReader.read(input), input.toString());
            }
        }
    }
}
