package dev.nn.app.cli;

import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Loads the model a command works on, the same way in every command: {@code --model FILE}, default model.json. */
public final class ModelFiles {

    /** The model every command uses when none is named: what {@code nn train} saves by default. */
    public static final String DEFAULT = "model.json";

    private ModelFiles() {
    }

    /**
     * Loads {@code file}; when it is the default and there is none, the one line says to train one first rather
     * than that a file the user never named is missing.
     */
    public static Model load(Path file, CommandSpec spec) throws IOException {
        boolean named = spec.commandLine().getParseResult().hasMatchedOption("--model");
        if (!named && file.toString().equals(DEFAULT) && !Files.exists(file) && !Files.isSymbolicLink(file)) {
            throw new UserException("no " + DEFAULT + " here: train one first with ./nn train, or name a model with"
                    + " --model FILE");
        }
        return ModelIO.load(file);
    }
}
