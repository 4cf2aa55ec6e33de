/** Files in and out: checks before reading, and writing that never leaves a half-written file behind. */
package dev.nn.core.io;
