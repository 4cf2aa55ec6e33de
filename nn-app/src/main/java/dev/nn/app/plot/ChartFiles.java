package dev.nn.app.plot;

import dev.nn.app.cli.OutputFiles;
import dev.nn.app.cli.UserException;
import dev.nn.core.io.AtomicFiles;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Saves a chart as PNG or SVG, chosen by the file name's extension, through {@link AtomicFiles} (a temporary
 * file and a rename; the old file's permissions kept).
 */
public final class ChartFiles {

    private ChartFiles() {
    }

    /**
     * Checks, before any work, that {@code file} (given with {@code flag}) names a PNG or SVG that can be
     * written: its folder exists and is writable, and it is not read-only.
     */
    public static void requirePlotFile(String flag, Path file) {
        if (file == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UserException(flag + " " + file + ": give a file name ending in .png or .svg");
        }
        OutputFiles.requireWritable(flag, file);
    }

    /** Writes {@code chart} to {@code file} (.png or .svg). */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        boolean svg = file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".svg");
        AtomicFiles.write(file, out -> {
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, out, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, out, BitmapEncoder.BitmapFormat.PNG);
            }
        });
    }
}
