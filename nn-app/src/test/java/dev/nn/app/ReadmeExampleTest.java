package dev.nn.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** README's "Use it from Java" program, taken from README.md as it stands, compiles, runs and prints what README says. */
class ReadmeExampleTest {

    @TempDir
    Path dir;

    @Test
    void theReadmeProgramCompilesRunsAndSaysWhatTheReadmeSays() throws Exception {
        String readme = Files.readString(Path.of("..", "README.md"));
        String section = readme.substring(readme.indexOf("## Use it from Java"));
        Matcher block = Pattern.compile("```java\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertTrue(block.find(), "README has no java block under 'Use it from Java'");
        String program = block.group(1);
        assertTrue(program.lines().count() <= 15, "README's example has " + program.lines().count() + " lines");
        Path source = Files.writeString(dir.resolve("Example.java"), program);

        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream errors = new ByteArrayOutputStream();
        int compiled = javac.run(null, null, errors, "-cp", System.getProperty("java.class.path"), "-d",
                dir.toString(), source.toString());
        assertEquals(0, compiled, errors.toString(StandardCharsets.UTF_8));

        Process run = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dnn.simd.quiet=true",
                "-cp", dir + java.io.File.pathSeparator + System.getProperty("java.class.path"), "Example")
                .directory(dir.toFile()).redirectErrorStream(true).start();
        assertTrue(run.waitFor(2, TimeUnit.MINUTES));
        String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, run.exitValue(), output);
        Matcher printed = Pattern.compile("It prints `(.*?)` and `(.*?)`").matcher(section);
        assertTrue(printed.find());
        for (String line : List.of(printed.group(1), printed.group(2))) {
            assertTrue(output.lines().anyMatch(line::equals), "'" + line + "' not in:\n" + output);
        }
        assertTrue(Files.isRegularFile(dir.resolve("xor.json")));
    }
}
