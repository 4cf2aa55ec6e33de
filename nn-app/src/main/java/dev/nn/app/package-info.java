/**
 * The console program {@code nn}: {@link dev.nn.app.Main} wires the subcommands; {@link dev.nn.app.commands}
 * holds one class per subcommand, {@link dev.nn.app.cli} what they share (errors, options), and
 * {@link dev.nn.app.progress} the training progress display.
 */
package dev.nn.app;
