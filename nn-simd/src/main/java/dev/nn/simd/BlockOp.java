package dev.nn.simd;

/**
 * Work on one block of a matrix, done by the thread that computes a product over that block, so the block is
 * still in its cache: a layer's bias and activation on the block of outputs just computed, or the activation's
 * derivative on the block of gradients a product is about to read. Kernels may split a matrix into blocks of
 * whole rows or of whole columns; every element is in exactly one block.
 */
@FunctionalInterface
public interface BlockOp {

    /**
     * Acts on the {@code rows}×{@code cols} block at {@code x[off]}, whose rows are {@code ld} values apart;
     * {@code firstCol} is the block's first column in the whole matrix.
     */
    void apply(float[] x, int off, int ld, int rows, int cols, int firstCol);
}
