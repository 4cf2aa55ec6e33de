package dev.nn.app.cli;

import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.nio.file.Path;

/** The model a command reads, named either way: {@code --model FILE} or a plain {@code FILE}; default model.json. */
public final class ModelArgument {

    @Option(names = {"-m", "--model"}, paramLabel = "FILE", defaultValue = ModelFiles.DEFAULT,
            description = "The model file.")
    Path option;

    @Parameters(paramLabel = "MODEL", arity = "0..1", description = "The model file, instead of --model.")
    Path positional;

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    /** The model file named, refusing it named twice. */
    public Path path() {
        if (positional != null && spec.commandLine().getParseResult().hasMatchedOption("--model")) {
            throw new IllegalArgumentException("give the model once: --model FILE or FILE, not both");
        }
        return positional != null ? positional : option;
    }

    /** Loads the model named (see {@link ModelFiles#load} for the default that is not there). */
    public Model load() throws IOException {
        return positional != null ? ModelIO.load(path()) : ModelFiles.load(path(), spec);
    }
}
