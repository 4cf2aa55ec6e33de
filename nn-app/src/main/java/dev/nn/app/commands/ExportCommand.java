package dev.nn.app.commands;

import dev.nn.app.cli.ModelArgument;
import dev.nn.app.cli.OutputFiles;
import dev.nn.core.model.Model;
import dev.nn.core.onnx.Onnx;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code nn export}: a model file as a standard ONNX model, for ONNX Runtime and every tool that reads ONNX. */
@Command(name = "export", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Export a model as ONNX (IR 10, opset 21): raw pixels 0-255 (or a table's raw features) in,"
                + " class probabilities out, any batch size.",
                "The input scaling, each dense layer (Gemm), its activation and the softmax are nodes of the graph;"
                        + " nn's config and provenance are in its metadata."},
        footerHeading = "%nExamples:%n",
        footer = {"  # model.json to model.onnx",
                "  ./nn export",
                "  ./nn export --model xor.json --onnx xor.onnx",
                "  # run the file with ONNX Runtime (Python, Java): docs/GUIDE.md, ONNX"})
public final class ExportCommand implements Callable<Integer> {

    @Mixin
    ModelArgument modelArgument;

    @Option(names = "--onnx", paramLabel = "FILE",
            description = "The ONNX file (default: model.onnx for model.json).")
    Path onnx;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path model = modelArgument.path();
        Path target = onnx != null ? onnx : model.resolveSibling(baseName(model) + ".onnx");
        if (!target.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".onnx")) {
            throw new IllegalArgumentException("--onnx " + target + ": name the file .onnx");
        }
        OutputFiles.requireDistinct(Map.of("--model", model, "--onnx", target));
        OutputFiles.requireWritable("--onnx", target);
        Model loaded = modelArgument.load();
        Onnx.export(loaded, target);
        int inputs = loaded.network().inputSize();
        spec.commandLine().getOut().printf("exported %s (%s, %s) to %s, %,d bytes%n"
                        + "  input  '%s' float32 [batch, %d], %s%n  output 'probabilities' float32 [batch, %d]%n",
                model, loaded.config().shape(), loaded.config().network().activationText(), target,
                Files.size(target), loaded.standardization() == null ? "pixels" : "features", inputs,
                loaded.standardization() == null ? "raw pixels 0-255" : "raw feature values",
                loaded.network().outputSize());
        return 0;
    }

    /** The file's name without its extension. */
    static String baseName(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
