/** Element-wise activation functions, applied in place, with their derivatives expressed through the output. */
package dev.nn.core.activation;
