/**
 * What nn reads and writes, made safe: checks before a file is read ({@link dev.nn.core.io.InputFiles}), the
 * heap a large read or allocation needs ({@link dev.nn.core.io.HeapRoom}), strict JSON
 * ({@link dev.nn.core.io.StrictJson}), text from outside echoed on one line ({@link dev.nn.core.io.Untrusted}),
 * choices found by their short names ({@link dev.nn.core.io.Names}), and writing that never leaves a half-written
 * file behind ({@link dev.nn.core.io.AtomicFiles}).
 */
package dev.nn.core.io;
