package dev.nn.app.commands;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nn.app.bench.BenchResult;
import dev.nn.app.bench.BenchWorker;
import dev.nn.app.bench.Workload;
import dev.nn.app.cli.UserException;
import dev.nn.app.progress.Eta;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import com.sun.management.HotSpotDiagnosticMXBean;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;

/** {@code nn bench}: training and inference speed of the benchmark workloads, Panama against scalar. */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Measure training and inference speed on the bundled MNIST: W1 784-16-16-10 batch 32,"
                + " W3 784-256-256-10 batch 128, W4 784-1024-1024-10 batch 256 (ReLU, softmax + CCE, He, Adam)."
                + " The peers' W2 is W1 with other learning rates and betas: the same work, so not timed apart.",
                "Each workload runs in its own JVM per kernel implementation: a warm-up, then repeats of timed"
                        + " steps; figures are medians. Also shows bytes allocated per training step, the"
                        + " peak heap, and the training GFLOP/s as a fraction of this core's FMA peak, measured"
                        + " in the same JVM (one core: the %% is of one core's peak times the threads)."},
        footerHeading = "%nExamples:%n",
        footer = {"  # all workloads, Panama and scalar (a few minutes)",
                "  ./nn bench",
                "  ./nn bench --workloads W1 --simd panama --json",
                "  ./nn bench --workloads W4 --simd panama --threads 1,2"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--workloads", split = ",", paramLabel = "W,...", hideParamSyntax = true, defaultValue = "W1,W3,W4",
            description = "Workloads to run: W1, W3, W4.")
    List<Workload> workloads;

    @Option(names = "--simd", split = ",", paramLabel = "IMPL,...", hideParamSyntax = true,
            defaultValue = "panama,scalar",
            description = "Kernel implementations to compare: panama, scalar.")
    List<String> implementations;

    @Option(names = "--threads", split = ",", paramLabel = "N,...", hideParamSyntax = true,
            description = "Thread counts for the Panama runs (default: 1 and the number of cores); scalar runs use 1.")
    List<Integer> threads;

    @Option(names = "--repeats", paramLabel = "N", defaultValue = "5",
            description = "Timed repeats (the median is kept).")
    int repeats;

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "1",
            description = "Warm-up time, which also sets the steps per repeat.")
    double seconds;

    @Option(names = "--json", description = "Print the results as JSON, one object per line.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (repeats < 1 || !(seconds > 0)) {
            throw new IllegalArgumentException("--repeats must be at least 1 and --seconds positive");
        }
        for (String impl : implementations) {
            if (!impl.equals("panama") && !impl.equals("scalar")) {
                throw new IllegalArgumentException("--simd: unknown implementation '" + impl + "' (panama, scalar)");
            }
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<BenchResult> results = new ArrayList<>();
        ObjectMapper mapper = new ObjectMapper();
        List<Integer> counts = threads != null ? threads
                : List.copyOf(new TreeSet<>(List.of(1, Runtime.getRuntime().availableProcessors())));
        int runs = 0;
        for (String impl : implementations) {
            runs += workloads.size() * (impl.equals("panama") ? counts.size() : 1);
        }
        long started = System.nanoTime();
        for (Workload w : workloads) {
            for (String impl : implementations) {
                for (int t : impl.equals("panama") ? counts : List.of(1)) {
                    String left = Eta.left(results.size(), runs, System.nanoTime() - started);
                    err.printf("bench: [%d/%d] %s %s, %s, %d thread%s ...%s%n", results.size() + 1, runs, w,
                            w.describe(), impl, t, t == 1 ? "" : "s", left.isEmpty() ? "" : " (" + left + ")");
                    err.flush();
                    results.add(mapper.readValue(runWorker(w, impl, t), BenchResult.class));
                }
            }
        }
        if (json) {
            for (BenchResult r : results) {
                out.println(mapper.writeValueAsString(r));
            }
        } else {
            print(out, results);
        }
        out.flush();
        return 0;
    }

    private String runWorker(Workload w, String impl, int threadCount) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--add-modules", "jdk.incubator.vector", "--enable-native-access=ALL-UNNAMED",
                "-Dnn.simd=" + impl, "-Dnn.simd.quiet=true", "-Xmx2g"));
        if (hugePages()) {
            command.add("-XX:+UseTransparentHugePages");
        }
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), BenchWorker.class.getName(),
                w.name(), String.valueOf(repeats), String.valueOf(seconds), String.valueOf(threadCount)));
        Process child = new ProcessBuilder(command).redirectErrorStream(false).start();
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        String errors = new String(child.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        if (child.waitFor() != 0 || output.isEmpty()) {
            throw new UserException("bench: the " + w + " " + impl + " run failed: "
                    + errors.lines().filter(l -> !l.startsWith("WARNING")).findFirst().orElse("no output"));
        }
        return output.lines().reduce((a, b) -> b).orElseThrow();
    }

    /** Whether this JVM keeps its heap on transparent huge pages (the nn launcher asks where the kernel offers them). */
    private static boolean hugePages() {
        try {
            return Boolean.parseBoolean(ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .getVMOption("UseTransparentHugePages").getValue());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** The results as a table of at most 100 columns, the kernels and workloads spelt out once below it. */
    static void print(PrintWriter out, List<BenchResult> results) {
        out.printf("nn bench on %s, %d cores, Java %s%n", cpu(), Runtime.getRuntime().availableProcessors(),
                Runtime.version());
        out.printf("%-8s  %-7s  %7s  %8s  %11s  %11s  %7s  %6s  %6s  %7s%n", "workload", "kernels", "threads",
                "ms/epoch", "train img/s", "infer img/s", "GFLOP/s", "% peak", "B/step", "heap MB");
        for (BenchResult r : results) {
            out.printf("%-8s  %-7s  %7d  %8.0f  %,11.0f  %,11.0f  %7.1f  %5.0f%%  %6.0f  %7d%n", r.workload(),
                    kernels(r.simd()), r.threads(), r.msPerEpoch(), r.trainImagesPerSecond(),
                    r.inferImagesPerSecond(), r.gflops(), 100 * r.gflops() / (r.peakGflops() * r.threads()),
                    r.bytesPerStep(), r.peakHeapMb());
        }
        out.println();
        results.stream().map(BenchResult::simd).distinct().forEach(simd ->
                out.printf("%-7s  %s%n", kernels(simd), simd));
        results.stream().map(r -> r.workload() + " " + r.shape()).distinct().forEach(w ->
                out.printf("%-7s  %s%n", w.substring(0, w.indexOf(' ')), w.substring(w.indexOf(' ') + 1)
                        .replace(" b", ", batch ")));
        results.stream().filter(r -> r.simd().startsWith("panama")).findFirst().ifPresent(r ->
                out.printf("FMA peak of one core: %.0f GFLOP/s (panama); %% peak is of it times the threads%n",
                        r.peakGflops()));
        out.printf("B/step: bytes allocated per training step; heap MB: the most heap in use%n");
    }

    /** The implementation's short name: the first word of its description (panama, scalar). */
    private static String kernels(String simd) {
        int comma = simd.indexOf(',');
        return comma < 0 ? simd : simd.substring(0, comma);
    }

    private static String cpu() {
        try {
            return Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .map(l -> l.substring(l.indexOf(':') + 1).strip()).findFirst().orElse("an unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "an unknown CPU";
        }
    }
}
