package dev.nn.mnist.digits;

/**
 * A grey picture: height × width levels in [0, 1], row-major, 0 black and 1 white.
 *
 * @param height rows
 * @param width columns
 * @param levels height·width grey levels
 */
public record GreyImage(int height, int width, float[] levels) {

    /** Checks the sizes. */
    public GreyImage {
        if (height < 1 || width < 1 || (long) height * width != levels.length) {
            throw new IllegalArgumentException("an image of " + height + "×" + width + " needs "
                    + (long) height * width + " levels, got " + levels.length);
        }
    }

    /** The level at row r, column c. */
    public float at(int r, int c) {
        return levels[r * width + c];
    }
}
