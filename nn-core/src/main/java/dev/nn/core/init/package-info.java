/** Weight initialisers: how a layer's weights are drawn before training. Biases start at zero. */
package dev.nn.core.init;
