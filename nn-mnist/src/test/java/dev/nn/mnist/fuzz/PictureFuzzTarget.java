package dev.nn.mnist.fuzz;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.nn.mnist.digits.GreyImage;
import dev.nn.mnist.digits.ImageFiles;
import dev.nn.mnist.digits.MnistForm;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Coverage-guided fuzzing of picture decoding (PNG and the rest through ImageIO, PGM by hand), then MNIST's
 * form (Jazzer): any bytes must give a picture of at most {@link ImageFiles#MAX_PIXELS} pixels that becomes 784
 * grey levels, or an IOException of one line naming the file.
 */
class PictureFuzzTarget {

    @FuzzTest(maxDuration = "10s")
    void picture(byte[] input) {
        GreyImage image;
        try {
            image = ImageFiles.decode(input, "f.png");
        } catch (IOException e) {
            assertTrue(e.getMessage().startsWith("f.png: ") && !e.getMessage().contains("\n"), e.getMessage());
            return;
        }
        assertTrue((long) image.height() * image.width() <= ImageFiles.MAX_PIXELS);
        assertEquals(MnistForm.SIDE * MnistForm.SIDE, MnistForm.of(image).length);
    }
}
