package dev.nn.app.commands;

import dev.nn.app.cli.SimdOption;
import dev.nn.core.Version;
import dev.nn.simd.Kernels;
import dev.nn.simd.SimdInfo;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

/** {@code nn info}: what nn runs on. */
@Command(name = "info", mixinStandardHelpOptions = true,
        description = "Print the Java version, the SIMD implementation, its vector width and FMA, and the cores.",
        footerHeading = "%nExamples:%n",
        footer = {"  ./nn info", "  ./nn info --simd scalar"})
public final class InfoCommand implements Callable<Integer> {

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        simd.apply();
        SimdInfo info = Kernels.info();
        PrintWriter out = spec.commandLine().getOut();
        out.printf("nn           %s%n", Version.get());
        out.printf("java         %s (%s)%n", Runtime.version(), System.getProperty("java.vendor"));
        out.printf("simd         %s%n", info.implementation());
        out.printf("vector bits  %s%n", info.vectorBits() == 0 ? "none (scalar)"
                : info.vectorBits() + " (" + info.lanes() + " float lanes)");
        out.printf("fma          %s%n", info.fma() ? "on" : "off");
        out.printf("cores        %d%n", Runtime.getRuntime().availableProcessors());
        out.flush();
        return 0;
    }
}
