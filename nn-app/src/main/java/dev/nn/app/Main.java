package dev.nn.app;

import dev.nn.app.cli.Errors;
import dev.nn.app.cli.VersionProvider;
import dev.nn.app.commands.BenchCommand;
import dev.nn.app.commands.EvalCommand;
import dev.nn.app.commands.ExportCommand;
import dev.nn.app.commands.GradcheckCommand;
import dev.nn.app.commands.ImportCommand;
import dev.nn.app.commands.InfoCommand;
import dev.nn.app.commands.PlayCommand;
import dev.nn.app.commands.PredictCommand;
import dev.nn.app.commands.ServeCommand;
import dev.nn.app.commands.TrainCommand;
import dev.nn.app.commands.TuneCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/** The {@code nn} command: a neural-network trainer for MNIST and any IDX data. */
@Command(name = "nn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train, evaluate and inspect multilayer perceptrons on MNIST and any IDX data.",
        subcommands = {TrainCommand.class, EvalCommand.class, PredictCommand.class, PlayCommand.class, TuneCommand.class,
                ServeCommand.class, ExportCommand.class, ImportCommand.class, GradcheckCommand.class, BenchCommand.class,
                InfoCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (a missing or malformed file, an I/O error)",
                "2:usage error (an unknown flag, a bad flag value)",
                "130:interrupted by Ctrl-C during training (a checkpoint was saved)"},
        footerHeading = "%nExamples:%n",
        footer = {"  ./nn train                    784-16-16-10 on the bundled MNIST, saved as model.json",
                "  ./nn eval --model model.json  accuracy, loss, confusion matrix on the test set",
                "  ./nn gradcheck                backprop against finite differences, per parameter group",
                "  ./nn info                     Java, SIMD implementation, vector width, FMA"})
public final class Main {

    private Main() {
    }

    /** Runs {@code nn} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        // log records (nn-simd's one line on the kernels in use) as their bare message, as the rest of nn prints
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%5$s%n");
        }
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Runs {@code nn} with {@code args}, writing results to {@code out} and messages to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        cli.setUsageHelpWidth(100);
        cli.setParameterExceptionHandler(Errors::onUsageError);
        cli.setExecutionExceptionHandler(Errors::onFailure);
        try {
            return cli.execute(args);
        } catch (OutOfMemoryError e) {
            err.println("nn: " + Errors.OUT_OF_MEMORY);
            return Errors.FAILURE;
        }
    }
}
