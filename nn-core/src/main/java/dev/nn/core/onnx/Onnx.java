package dev.nn.core.onnx;

import dev.nn.core.io.AtomicFiles;
import dev.nn.core.io.HeapRoom;
import dev.nn.core.io.InputFiles;
import dev.nn.core.model.Model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * nn models to and from ONNX files. {@link #export} writes a standard ONNX model (IR version 10, opset 21,
 * dynamic batch) that takes raw input, pixels 0–255 or a table's raw features, and gives class probabilities;
 * {@link #read} reads multilayer perceptrons made by nn or elsewhere (see {@link OnnxImport} for what is read).
 */
public final class Onnx {

    private Onnx() {
    }

    /** Writes {@code model} to {@code file} as ONNX, replacing it only when complete. */
    public static void export(Model model, Path file) throws IOException {
        byte[] bytes = bytes(model);
        AtomicFiles.write(file, out -> out.write(bytes));
    }

    /** The ONNX bytes of {@code model}. */
    public static byte[] bytes(Model model) {
        return OnnxEncoding.write(OnnxExport.of(model));
    }

    /**
     * Reads the ONNX model in {@code file} as an nn model, recording the file's name and producer as its source.
     *
     * @throws OnnxFormatException when it is not ONNX or not a network nn has, in one line
     */
    public static ImportedModel read(Path file) throws IOException {
        long size = InputFiles.requireRegular(file);
        HeapRoom.require(file + " (a " + (size >> 20) + " MB ONNX file)", 3 * size);
        byte[] bytes = Files.readAllBytes(file);
        OnnxMessages.Model onnx;
        try {
            onnx = OnnxEncoding.read(bytes);
        } catch (OnnxFormatException e) {
            throw new OnnxFormatException(file + ": " + e.getMessage());
        }
        String producer = onnx.producerName().isEmpty() ? "unknown producer"
                : onnx.producerName() + (onnx.producerVersion().isEmpty() ? "" : " " + onnx.producerVersion());
        try {
            return OnnxImport.of(onnx, "onnx " + file.getFileName() + " (" + producer + ")");
        } catch (OnnxFormatException | IllegalArgumentException e) {
            throw new OnnxFormatException(file + ": " + e.getMessage());
        }
    }
}
