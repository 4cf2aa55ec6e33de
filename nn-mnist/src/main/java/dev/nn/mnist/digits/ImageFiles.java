package dev.nn.mnist.digits;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads a picture file as grey levels: PNG, JPEG, GIF and BMP through ImageIO, PGM (P2 text and P5 binary) by
 * hand. Colour is turned to grey by luminance; transparent pixels are composited over white.
 */
public final class ImageFiles {

    /** Pictures larger than this many pixels are refused: no digit needs them. */
    public static final long MAX_PIXELS = 16_000_000;

    private ImageFiles() {
    }

    /** Reads {@code file}; an unreadable or unknown format is an IOException naming the file. */
    public static GreyImage read(Path file) throws IOException {
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Decodes an image held in {@code bytes}; {@code name} labels errors. */
    public static GreyImage decode(byte[] bytes, String name) throws IOException {
        if (bytes.length >= 2 && bytes[0] == 'P' && (bytes[1] == '2' || bytes[1] == '5')) {
            return Pgm.decode(bytes, name);
        }
        BufferedImage image;
        try (InputStream in = new ByteArrayInputStream(bytes)) {
            image = ImageIO.read(in);
        }
        if (image == null) {
            throw new IOException(name + ": not an image nn can read (PNG, JPEG, GIF, BMP or PGM)");
        }
        return grey(image, name);
    }

    /** The grey levels of {@code image}, transparency composited over white. */
    public static GreyImage grey(BufferedImage image, String name) throws IOException {
        int h = image.getHeight(), w = image.getWidth();
        if ((long) h * w > MAX_PIXELS) {
            throw new IOException(name + ": " + w + "×" + h + " pixels is too large (at most " + MAX_PIXELS + ")");
        }
        float[] levels = new float[h * w];
        for (int r = 0; r < h; r++) {
            for (int c = 0; c < w; c++) {
                int argb = image.getRGB(c, r);
                float alpha = (argb >>> 24) / 255f;
                float luminance = (0.299f * ((argb >> 16) & 0xFF) + 0.587f * ((argb >> 8) & 0xFF)
                        + 0.114f * (argb & 0xFF)) / 255f;
                levels[r * w + c] = alpha * luminance + (1 - alpha);
            }
        }
        return new GreyImage(h, w, levels);
    }
}
