package dev.nn.mnist.digits;

import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Pictures are measured by their header before anything is decoded (issue 17, item 10). */
class ImageFilesTest {

    /** A PNG whose header says width × height, 1-bit grey, with {@code idat} as its only data chunk. */
    static byte[] png(int width, int height, byte[] idat) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.write(new byte[]{(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream h = new DataOutputStream(header);
        h.writeInt(width);
        h.writeInt(height);
        h.write(new byte[]{1, 0, 0, 0, 0}); // bit depth 1, grey, deflate, no filter, no interlace
        chunk(out, "IHDR", header.toByteArray());
        chunk(out, "IDAT", idat);
        chunk(out, "IEND", new byte[0]);
        return bytes.toByteArray();
    }

    private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        out.writeInt(data.length);
        out.write(name);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        out.writeInt((int) crc.getValue());
    }

    @Test
    void aHugePictureIsRefusedFromItsHeaderBeforeDecoding() throws IOException {
        byte[] bomb = png(40_000, 40_000, new byte[]{0x78, (byte) 0x9c});
        IOException e = assertThrows(IOException.class, () -> ImageFiles.decode(bomb, "bomb.png"));
        assertTrue(e.getMessage().startsWith("bomb.png: 40000×40000 pixels is too large"), e.getMessage());
    }

    @Test
    void ordinaryPicturesStillDecodeAndJunkIsOneLine() throws IOException {
        BufferedImage image = new BufferedImage(30, 20, BufferedImage.TYPE_BYTE_GRAY);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(image, "png", png);
        GreyImage grey = ImageFiles.decode(png.toByteArray(), "ok.png");
        assertEquals(20, grey.height());
        assertEquals(30, grey.width());
        IOException e = assertThrows(IOException.class, () -> ImageFiles.decode(png(10, 10, new byte[3]), "bad.png"));
        assertTrue(e.getMessage().startsWith("bad.png: ") && !e.getMessage().contains("\n"), e.getMessage());
    }
}
