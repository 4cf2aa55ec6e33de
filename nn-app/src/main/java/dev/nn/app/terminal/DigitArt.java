package dev.nn.app.terminal;

/**
 * A grey image drawn with Unicode half blocks, two pixel rows per text line. In colour mode every cell sets both
 * its colours (a grey ramp on black), so the digit reads the same on a dark or a light terminal; in plain mode
 * ink above half is drawn as blocks in the terminal's own text colour, which contrasts with its background
 * whatever the theme — that is the mode for pipes and files.
 */
public final class DigitArt {

    private static final char UPPER = '▀';
    private static final char LOWER = '▄';
    private static final char FULL = '█';

    private DigitArt() {
    }

    /** Lines of art for {@code height}×{@code width} unsigned-byte pixels (0 background, 255 ink). */
    public static String render(byte[] pixels, int height, int width, boolean colour) {
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < height; r += 2) {
            for (int c = 0; c < width; c++) {
                int top = pixels[r * width + c] & 0xFF;
                int bottom = r + 1 < height ? pixels[(r + 1) * width + c] & 0xFF : 0;
                if (colour) {
                    out.append("\u001b[38;5;").append(grey(top)).append(";48;5;").append(grey(bottom)).append('m')
                            .append(UPPER);
                } else {
                    boolean t = top >= 128, b = bottom >= 128;
                    out.append(t && b ? FULL : t ? UPPER : b ? LOWER : ' ');
                }
            }
            out.append(colour ? "\u001b[0m\n" : "\n");
        }
        return out.toString();
    }

    /** The xterm-256 colour for a level: 16 is black, 232–255 the grey ramp, 231 white. */
    private static int grey(int level) {
        if (level < 8) {
            return 16;
        }
        if (level > 247) {
            return 231;
        }
        return 232 + (level - 8) * 24 / 240;
    }
}
