package dev.nn.app.cli;

import picocli.CommandLine.Option;

/** {@code --simd auto|scalar|panama}: which kernel implementation to use; must be applied before any kernel runs. */
public final class SimdOption {

    /** The kernel implementations one can ask for. */
    public enum Choice { auto, scalar, panama }

    @Option(names = "--simd", paramLabel = "IMPL", defaultValue = "auto",
            description = "Kernel implementation: ${COMPLETION-CANDIDATES}.")
    Choice choice;

    /** Sets {@code nn.simd} for the kernel provider, unless a -D on the Java command line already did. */
    public void apply() {
        if (choice == Choice.panama && ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new UserException("--simd panama needs the jdk.incubator.vector module; "
                    + "run nn through its launcher, or add --add-modules jdk.incubator.vector");
        }
        if (choice != Choice.auto || System.getProperty("nn.simd") == null) {
            System.setProperty("nn.simd", choice.name());
        }
    }
}
