package dev.nn.mnist.digits;

/**
 * Makes any picture of a digit look like an MNIST sample, the way MNIST's own images were made: ink is light on
 * dark (a picture on a light background is inverted), the ink's bounding box is scaled with area averaging
 * (anti-aliased) so its longer side is 20 pixels, and the result is placed in a 28×28 frame so that its centre of
 * mass is the frame's centre.
 */
public final class MnistForm {

    /** MNIST's side. */
    public static final int SIDE = 28;
    /** The side of the box the digit is fitted into. */
    public static final int BOX = 20;
    /** Levels of ink below this are background when finding the bounding box. */
    static final float INK = 0.1f;

    private MnistForm() {
    }

    /** Whether a form made by {@link #of} holds any ink: a blank picture gives a blank frame. */
    public static boolean hasInk(byte[] form) {
        for (byte b : form) {
            if (b != 0) {
                return true;
            }
        }
        return false;
    }

    /** The 28×28 MNIST form of {@code image}, as unsigned bytes (0 background, 255 full ink), row-major. */
    public static byte[] of(GreyImage image) {
        float[] ink = inkLevels(image);
        int h = image.height(), w = image.width();
        int top = h, bottom = -1, left = w, right = -1;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (ink[r * w + c] > INK) {
                    top = Math.min(top, r);
                    bottom = Math.max(bottom, r);
                    left = Math.min(left, c);
                    right = Math.max(right, c);
                }
            }
        }
        byte[] out = new byte[SIDE * SIDE];
        if (bottom < 0) {
            return out; // no ink: a blank frame
        }
        int boxH = bottom - top + 1, boxW = right - left + 1;
        double scale = (double) BOX / Math.max(boxH, boxW);
        int newH = Math.max(1, (int) Math.round(boxH * scale));
        int newW = Math.max(1, (int) Math.round(boxW * scale));
        float[] fitted = resample(ink, w, top, left, boxH, boxW, newH, newW);

        double mass = 0, rowMoment = 0, colMoment = 0;
        for (int r = 0; r < newH; r++) {
            for (int c = 0; c < newW; c++) {
                float v = fitted[r * newW + c];
                mass += v;
                rowMoment += v * (r + 0.5);
                colMoment += v * (c + 0.5);
            }
        }
        int offsetR = (int) Math.round(SIDE / 2.0 - rowMoment / mass);
        int offsetC = (int) Math.round(SIDE / 2.0 - colMoment / mass);
        for (int r = 0; r < newH; r++) {
            for (int c = 0; c < newW; c++) {
                int y = r + offsetR, x = c + offsetC;
                if (y >= 0 && y < SIDE && x >= 0 && x < SIDE) {
                    out[y * SIDE + x] = (byte) Math.round(Math.min(1f, fitted[r * newW + c]) * 255);
                }
            }
        }
        return out;
    }

    /** Ink in [0, 1]: the levels themselves when the background (the border's mean) is dark, else inverted. */
    static float[] inkLevels(GreyImage image) {
        int h = image.height(), w = image.width();
        double border = 0;
        int count = 0;
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                if (r == 0 || c == 0 || r == h - 1 || c == w - 1) {
                    border += image.at(r, c);
                    count++;
                }
            }
        }
        boolean lightBackground = border / count > 0.5;
        float[] ink = new float[h * w];
        for (int i = 0; i < ink.length; i++) {
            ink[i] = lightBackground ? 1 - image.levels()[i] : image.levels()[i];
        }
        return ink;
    }

    /**
     * Area-averaging resampling of the boxH×boxW window at (top, left) of a picture {@code stride} wide into
     * newH×newW: each output pixel is the mean of the source area it covers, fractions of pixels included.
     */
    static float[] resample(float[] src, int stride, int top, int left, int boxH, int boxW, int newH, int newW) {
        float[] out = new float[newH * newW];
        double sy = (double) boxH / newH, sx = (double) boxW / newW;
        for (int r = 0; r < newH; r++) {
            double y0 = r * sy, y1 = y0 + sy;
            for (int c = 0; c < newW; c++) {
                double x0 = c * sx, x1 = x0 + sx;
                double sum = 0;
                for (int y = (int) y0; y < Math.min(boxH, Math.ceil(y1)); y++) {
                    double wy = Math.min(y1, y + 1) - Math.max(y0, y);
                    for (int x = (int) x0; x < Math.min(boxW, Math.ceil(x1)); x++) {
                        double wx = Math.min(x1, x + 1) - Math.max(x0, x);
                        sum += wy * wx * src[(top + y) * stride + left + x];
                    }
                }
                out[r * newW + c] = (float) (sum / (sy * sx));
            }
        }
        return out;
    }
}
