package dev.nn.simd;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * nn-simd used from outside, as another project uses it: a separate consumer project (src/it/consumer) is
 * compiled against the packaged jar, then run on the class path and on the module path, with and without the
 * Vector API module. Each run prints the same results; the one line says which kernels run (and, without the
 * module, how to get SIMD); a bad setting fails every call with one message naming the property; the line can be
 * silenced by logging configuration.
 */
class ConsumerIT {

    private static final String EXPECTED = String.join("\n",
            "A·B row 0: [0.0, 5.0, 5.0, 0.0, -10.0, 0.0, 5.0, 5.0, 0.0]",
            "block: [-4.0, -11.0, 7.0, 15.0, 3.0, -11.0, 0.0, 1.0, 10.0, 10.0, 0.0, -20.0]",
            "threads give the same result: true, checksum 1920000.0",
            "dot: 965.0",
            "argmax of softmax: 2");

    @TempDir
    static Path work;
    private static Path jar;
    private static Path classes;
    private static Path modules;

    @BeforeAll
    static void compileTheConsumer() throws IOException, InterruptedException {
        jar = Path.of(System.getProperty("nn.simd.jar"));
        assertTrue(Files.isRegularFile(jar), "the packaged jar " + jar);
        Path source = Path.of("src/it/consumer");
        classes = work.resolve("classes");
        modules = work.resolve("modules");
        javac("--class-path", jar.toString(), "-d", classes.toString(), source.resolve("demo/Main.java").toString());
        javac("--module-path", jar.toString(), "-d", modules.toString(), source.resolve("module-info.java").toString(),
                source.resolve("demo/Main.java").toString());
    }

    @Test
    void onTheClassPathWithTheVectorModule() throws Exception {
        Result run = java("--add-modules", "jdk.incubator.vector", "-cp", classes + ":" + jar, "demo.Main");
        assertEquals(EXPECTED, run.out);
        assertTrue(run.err.contains("nn-simd: panama, "), run.err);
    }

    @Test
    void onTheClassPathWithoutIt() throws Exception {
        Result run = java("-cp", classes + ":" + jar, "demo.Main");
        assertEquals(EXPECTED, run.out);
        assertTrue(run.err.contains("nn-simd: scalar, FMA ") && run.err.contains("(the jdk.incubator.vector module is"
                + " not in this JVM; add --add-modules jdk.incubator.vector for SIMD)"), run.err);
    }

    @Test
    void onTheModulePathWithTheVectorModule() throws Exception {
        Result run = java("--add-modules", "jdk.incubator.vector", "-p", modules + ":" + jar, "-m", "demo/demo.Main");
        assertEquals(EXPECTED, run.out);
        assertTrue(run.err.contains("nn-simd: panama, "), run.err);
    }

    @Test
    void onTheModulePathWithoutIt() throws Exception {
        Result run = java("-p", modules + ":" + jar, "-m", "demo/demo.Main");
        assertEquals(EXPECTED, run.out);
        assertTrue(run.err.contains("nn-simd: scalar, "), run.err);
    }

    @Test
    void aBadSettingFailsEveryCallNamingTheProperty() throws Exception {
        Result mode = java("-Dnn.simd=fast", "-cp", classes + ":" + jar, "demo.Main", "settings");
        assertEquals("call 1: -Dnn.simd must be auto, scalar or panama, not 'fast'\n"
                + "call 2: -Dnn.simd must be auto, scalar or panama, not 'fast'", mode.out);
        Result bits = java("--add-modules", "jdk.incubator.vector", "-Dnn.simd.bits=1024", "-cp", classes + ":" + jar,
                "demo.Main", "settings");
        assertEquals("call 1: -Dnn.simd.bits must be 128, 256 or 512 (0 for the widest), not '1024'\n"
                + "call 2: -Dnn.simd.bits must be 128, 256 or 512 (0 for the widest), not '1024'", bits.out);
        assertFalse(mode.err.contains("Exception"), mode.err);
    }

    @Test
    void theLineIsSilencedByLoggingConfigurationOrTheQuietSwitch() throws Exception {
        Path logging = work.resolve("logging.properties");
        Files.writeString(logging, "handlers = java.util.logging.ConsoleHandler\ndev.nn.simd.level = WARNING\n");
        Result configured = java("--add-modules", "jdk.incubator.vector", "-Djava.util.logging.config.file=" + logging,
                "-cp", classes + ":" + jar, "demo.Main");
        assertEquals(EXPECTED, configured.out);
        assertFalse(configured.err.contains("nn-simd"), configured.err);
        Result quiet = java("--add-modules", "jdk.incubator.vector", "-Dnn.simd.quiet=true", "-cp",
                classes + ":" + jar, "demo.Main");
        assertFalse(quiet.err.contains("nn-simd"), quiet.err);
    }

    private record Result(String out, String err) {
    }

    private static void javac(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "javac")
                .toString(), "--release", "25"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).inheritIO().start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished: " + command);
        assertEquals(0, process.exitValue(), String.join(" ", command));
    }

    private static Result java(String... args) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString()));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(work, "out", ".txt"), err = Files.createTempFile(work, "err", ".txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(2, TimeUnit.MINUTES), "finished: " + command);
        String stdout = Files.readString(out, StandardCharsets.UTF_8).strip();
        String stderr = Files.readString(err, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), () -> command + "\n" + stdout + "\n" + stderr);
        return new Result(stdout, stderr);
    }
}
