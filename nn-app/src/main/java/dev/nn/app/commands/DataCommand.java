package dev.nn.app.commands;

import picocli.CommandLine.Command;

/** {@code nn data}: datasets made from others, written as IDX files that every command reads with --data. */
@Command(name = "data", mixinStandardHelpOptions = true, subcommands = AffineCommand.class,
        description = "Make datasets from others, as IDX files for --data.",
        footerHeading = "%nExamples:%n",
        footer = {"  # MNIST's test digits rotated, sheared, scaled and moved on a 40×40 canvas",
                "  ./nn data affine --out affnist-40/"})
public final class DataCommand {
}
