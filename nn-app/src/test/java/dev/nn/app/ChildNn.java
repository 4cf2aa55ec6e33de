package dev.nn.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts {@code nn} in a child JVM with this test JVM's class path, as a user would run it. */
final class ChildNn {

    private ChildNn() {
    }

    static ProcessBuilder command(String... args) {
        return withJvmOptions(List.of(), args);
    }

    /** The command with extra JVM options, e.g. a small {@code -Xmx}. */
    static ProcessBuilder withJvmOptions(List<String> options, String... args) {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "-Dnn.simd.quiet=true"));
        command.addAll(options);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    static Process start(String... args) throws IOException {
        return command(args).redirectErrorStream(true).start();
    }
}
