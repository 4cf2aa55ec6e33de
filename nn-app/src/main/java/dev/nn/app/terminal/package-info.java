/** Pictures in the terminal: {@link dev.nn.app.terminal.DigitArt} draws a digit with Unicode half blocks. */
package dev.nn.app.terminal;
