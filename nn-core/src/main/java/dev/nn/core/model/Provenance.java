package dev.nn.core.model;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.Map;

/**
 * Where a model came from.
 *
 * @param library nn's version
 * @param java the Java runtime's version
 * @param simd the kernel implementation that trained it (as {@link dev.nn.simd.SimdInfo#describe()} says)
 * @param created when the file was written (ISO-8601)
 * @param data the training and test files' content SHA-256, by file name
 * @param epochs epochs trained
 * @param trainLoss mean training loss of the last epoch
 * @param testLoss mean test loss after the last epoch
 * @param testAccuracy test accuracy after the last epoch, in [0, 1]
 * @param dataFolder the folder of the data it was trained on, as an absolute path; null for a built-in dataset
 *     and in files written before nn recorded it
 * @param dataset the built-in dataset's name ({@code mnist}, {@code xor}) when {@code dataFolder} is null
 * @param source where the weights came from when nn did not train them, e.g. {@code onnx m.onnx (pytorch 1.13.1)};
 *     null for a network nn trained
 */
public record Provenance(String library, String java, String simd, String created, Map<String, String> data,
                         int epochs, double trainLoss, double testLoss, double testAccuracy, String dataFolder,
                         String dataset,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String source) {

    /** The same, recording that the weights came from {@code other}. */
    public Provenance withSource(String other) {
        return new Provenance(library, java, simd, created, data, epochs, trainLoss, testLoss, testAccuracy,
                dataFolder, dataset, other);
    }
}
