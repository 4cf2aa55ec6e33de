/** One class per {@code nn} subcommand. */
package dev.nn.app.commands;
