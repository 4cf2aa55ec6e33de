/**
 * nn-core: multilayer perceptrons on float arrays. {@link dev.nn.core.Version} names the library;
 * the subpackages hold one idea each, from {@link dev.nn.core.tensor tensors} up to
 * {@link dev.nn.core.train training} and {@link dev.nn.core.model model files}.
 */
package dev.nn.core;
