package dev.nn.app;

import dev.nn.app.cli.Errors;
import dev.nn.app.cli.VersionProvider;
import dev.nn.app.commands.BenchCommand;
import dev.nn.app.commands.DataCommand;
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
import java.util.LinkedHashMap;
import java.util.Map;

/** The {@code nn} command: a neural-network trainer for MNIST and any IDX data. */
@Command(name = "nn", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Train, evaluate and inspect multilayer perceptrons on MNIST and any IDX data.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:success", "1:failure (a missing or malformed file, an I/O error)",
                "2:usage error (an unknown flag, a bad flag value)",
                "130:interrupted by Ctrl-C during training (a checkpoint was saved)"},
        footerHeading = "%nExamples:%n",
        footer = {"  # 784-16-16-10 on the bundled MNIST, saved as model.json",
                "  ./nn train",
                "  # accuracy, loss, confusion matrix on the test set",
                "  ./nn eval model.json",
                "  # backprop against finite differences, per parameter group",
                "  ./nn gradcheck",
                "  # Java, SIMD implementation, vector width, FMA",
                "  ./nn info"})
public final class Main {

    /**
     * The subcommands, in the order help lists them. Only the one a command line names is built (picocli reads each
     * class's annotations, which costs start-up time); help, typos and a bare {@code nn} get them all.
     */
    private static final Map<String, Class<?>> SUBCOMMANDS = subcommands(TrainCommand.class, EvalCommand.class,
            PredictCommand.class, PlayCommand.class, TuneCommand.class, ServeCommand.class, ExportCommand.class,
            ImportCommand.class, DataCommand.class, GradcheckCommand.class, BenchCommand.class, InfoCommand.class,
            CommandLine.HelpCommand.class);

    private Main() {
    }

    /** Runs {@code nn} with {@code args} and exits with its exit code. */
    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /**
     * The width help is laid out to: the terminal's, which the launcher passes as {@code -Dnn.columns} when help is
     * asked for, within 60–120 columns; 100 when it is not known (output to a file or a pipe).
     */
    static int helpWidth() {
        return Math.clamp(Integer.getInteger("nn.columns", 100), 60, 120);
    }

    private static Map<String, Class<?>> subcommands(Class<?>... classes) {
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        for (Class<?> c : classes) {
            byName.put(c.getAnnotation(Command.class).name(), c);
        }
        return byName;
    }

    /** The whole command tree, every subcommand built. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        SUBCOMMANDS.values().forEach(cli::addSubcommand);
        return cli;
    }

    /** The command tree {@code args} need: the subcommand they name alone, else all of them. */
    private static CommandLine commandLineFor(String[] args) {
        Class<?> named = args.length > 0 && !args[0].equals("help") ? SUBCOMMANDS.get(args[0]) : null;
        if (named == null) {
            return commandLine();
        }
        CommandLine cli = new CommandLine(new Main());
        cli.addSubcommand(named);
        return cli;
    }

    /** Runs {@code nn} with {@code args}, writing results to {@code out} and messages to {@code err}. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = commandLineFor(args);
        cli.setOut(out);
        cli.setErr(err);
        cli.setUsageHelpWidth(helpWidth());
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
