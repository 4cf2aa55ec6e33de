package dev.nn.app.plot;

import dev.nn.app.cli.UserException;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.internal.chartpart.Chart;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** Saves a chart as PNG or SVG, chosen by the file name's extension, through a temporary file and a rename. */
public final class ChartFiles {

    private ChartFiles() {
    }

    /** Checks, before any work, that {@code file} (given with {@code flag}) names a PNG or SVG in a folder that exists. */
    public static void requirePlotFile(String flag, Path file) {
        if (file == null) {
            return;
        }
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (!name.endsWith(".png") && !name.endsWith(".svg")) {
            throw new UserException(flag + " " + file + ": give a file name ending in .png or .svg");
        }
        Path dir = file.toAbsolutePath().getParent();
        if (!Files.isDirectory(dir)) {
            throw new UserException(flag + " " + file + ": the folder " + dir + " does not exist");
        }
    }

    /** Writes {@code chart} to {@code file} (.png or .svg). */
    public static void save(Chart<?, ?> chart, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        Path target = file.toAbsolutePath();
        String name = target.getFileName().toString();
        boolean svg = name.toLowerCase(Locale.ROOT).endsWith(".svg");
        String stem = "." + name.substring(0, name.length() - 4) + ".tmp" + ProcessHandle.current().pid();
        Path temp = target.resolveSibling(stem + (svg ? ".svg" : ".png"));
        try {
            if (svg) {
                VectorGraphicsEncoder.saveVectorGraphic(chart, temp.toString(),
                        VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
            } else {
                BitmapEncoder.saveBitmap(chart, temp.toString(), BitmapEncoder.BitmapFormat.PNG);
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
