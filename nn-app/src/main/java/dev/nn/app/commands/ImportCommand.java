package dev.nn.app.commands;

import dev.nn.app.cli.OutputFiles;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import dev.nn.core.onnx.ImportedModel;
import dev.nn.core.onnx.Onnx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nn import}: an MLP in an ONNX file (from nn, PyTorch, Keras, ...) as an nn model file. */
@Command(name = "import", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Import a multilayer perceptron from an ONNX file as an nn model file, for eval, predict,"
                + " play and serve.",
                "Read: one float32 input (Flatten or Reshape allowed), optional scaling, Gemm or MatMul + Add"
                        + " layers with Relu, LeakyRelu (alpha 0.01), Sigmoid or Tanh, Softmax at the end."
                        + " Anything else is refused, naming the node."},
        footerHeading = "%nExamples:%n",
        footer = {"  # mlp.onnx to mlp.json",
                "  ./nn import --onnx mlp.onnx",
                "  ./nn import --onnx mlp.onnx --out mine.json && ./nn eval mine.json"})
public final class ImportCommand implements Callable<Integer> {

    @Option(names = "--onnx", paramLabel = "FILE", description = "The ONNX file to read.")
    Path onnx;

    @Parameters(paramLabel = "ONNX", arity = "0..1", description = "The ONNX file, instead of --onnx.")
    Path onnxArgument;

    @Option(names = {"-o", "--out"}, paramLabel = "FILE",
            description = "The model file (default: mlp.json for mlp.onnx).")
    Path out;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if ((onnx == null) == (onnxArgument == null)) {
            throw new IllegalArgumentException(onnx == null ? "give the ONNX file: --onnx FILE (see nn import --help)"
                    : "give the ONNX file once: --onnx FILE or FILE, not both");
        }
        Path source = onnx != null ? onnx : onnxArgument;
        Path target = out != null ? out : source.resolveSibling(ExportCommand.baseName(source) + ".json");
        OutputFiles.requireDistinct(Map.of("--onnx", source, "--out", target));
        OutputFiles.requireWritable("--out", target);
        ImportedModel imported = Onnx.read(source);
        Model model = imported.model();
        ModelIO.save(target, model);
        PrintWriter err = spec.commandLine().getErr();
        imported.notes().forEach(note -> err.println("note: " + note));
        err.flush();
        spec.commandLine().getOut().printf("imported %s (%s, %s, %,d parameters) to %s%n", source,
                model.config().shape(), model.config().network().activationText(),
                model.network().parameterCount(), target);
        return 0;
    }
}
