package dev.nn.mnist.digits;

import dev.nn.core.io.InputFiles;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Reads a picture file as grey levels: PNG, JPEG, GIF and BMP through ImageIO, PGM (P2 text and P5 binary) by
 * hand. Colour is turned to grey by luminance; transparent pixels are composited over white.
 */
public final class ImageFiles {

    /** Pictures larger than this many pixels are refused: no digit needs them. */
    public static final long MAX_PIXELS = 16_000_000;

    private ImageFiles() {
    }

    /** Picture files larger than this are refused before they are read. */
    public static final long MAX_FILE_BYTES = 64L << 20;

    /** Reads {@code file}; an unreadable or unknown format is an IOException naming the file. */
    public static GreyImage read(Path file) throws IOException {
        if (InputFiles.requireRegular(file) > MAX_FILE_BYTES) {
            throw new IOException(file + ": larger than " + (MAX_FILE_BYTES >> 20) + " MB; not a picture of a digit");
        }
        return decode(Files.readAllBytes(file), file.toString());
    }

    /** Decodes an image held in {@code bytes}; {@code name} labels errors. */
    public static GreyImage decode(byte[] bytes, String name) throws IOException {
        if (bytes.length >= 2 && bytes[0] == 'P' && (bytes[1] == '2' || bytes[1] == '5')) {
            return Pgm.decode(bytes, name);
        }
        BufferedImage image;
        try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(in);
            if (!readers.hasNext()) {
                throw new IOException(name + ": not an image nn can read (PNG, JPEG, GIF, BMP or PGM)");
            }
            ImageReader reader = readers.next();
            try {
                int width;
                int height;
                try {
                    reader.setInput(in, true, true);
                    width = reader.getWidth(0);
                    height = reader.getHeight(0);
                } catch (IOException | RuntimeException e) {
                    throw unreadable(name, e);
                }
                requireSize(name, width, height); // from the header, before anything is decoded
                try {
                    image = reader.read(0);
                } catch (IOException | RuntimeException e) {
                    throw unreadable(name, e);
                }
            } finally {
                reader.dispose();
            }
        }
        return grey(image, name);
    }

    private static IOException unreadable(String name, Exception e) {
        String detail = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        return new IOException(name + ": not a readable image (" + e.getClass().getSimpleName() + detail + ")");
    }

    private static void requireSize(String name, int w, int h) throws IOException {
        if (w < 1 || h < 1 || (long) h * w > MAX_PIXELS) {
            throw new IOException(name + ": " + w + "×" + h + " pixels is " + (w < 1 || h < 1 ? "empty"
                    : "too large (at most " + MAX_PIXELS + ")"));
        }
    }

    /** The grey levels of {@code image}, transparency composited over white. */
    public static GreyImage grey(BufferedImage image, String name) throws IOException {
        int h = image.getHeight(), w = image.getWidth();
        requireSize(name, w, h);
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
