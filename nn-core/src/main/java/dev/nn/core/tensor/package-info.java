/** Dense row-major float matrices over a {@code float[]}, sized once and reused for every batch. */
package dev.nn.core.tensor;
