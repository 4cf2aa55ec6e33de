/** What the subcommands share: one-line error reporting with exit codes, the version, the SIMD choice. */
package dev.nn.app.cli;
