package dev.nn.core.onnx;

import com.fasterxml.jackson.core.JacksonException;
import dev.nn.core.Version;
import dev.nn.core.activation.Activation;
import dev.nn.core.config.NetworkConfig;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.io.StrictJson;
import dev.nn.core.layer.Dense;
import dev.nn.core.model.DataSchema;
import dev.nn.core.model.Model;
import dev.nn.core.model.Provenance;
import dev.nn.core.model.Standardization;
import dev.nn.core.network.Network;
import dev.nn.simd.Kernels;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * What an imported network needs besides its weights to be an nn model: the config, the table schema and the
 * provenance, read back from the metadata nn writes on export ({@link OnnxExport}) or made for a file from
 * elsewhere.
 */
final class ImportedParts {

    private ImportedParts() {
    }

    /**
     * The model of {@code network}: nn's config, schema and provenance from the file's metadata when they fit the
     * graph, else made for it (a default config of its shape, columns x0.. for a table); {@code source} is recorded
     * as where it came from, and what was made up is said in {@code notes}.
     */
    static Model model(Network network, Standardization standardization, OnnxMessages.Model onnx, String source,
                       List<String> notes) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(network.inputSize());
        List<Activation> hidden = new ArrayList<>();
        for (Dense d : network.layers()) {
            sizes.add(d.outputSize());
        }
        for (int i = 0; i + 1 < network.layers().size(); i++) {
            hidden.add(network.layers().get(i).activation());
        }
        NetworkConfig shape = NetworkConfig.of(sizes).withActivations(hidden);
        TrainingConfig config = metadata(onnx, OnnxExport.CONFIG, TrainingConfig.class);
        if (config == null || !config.network().layers().equals(shape.layers())
                || !config.network().activations().equals(shape.activations())) {
            config = TrainingConfig.DEFAULT.with(shape);
        }
        DataSchema schema = metadata(onnx, OnnxExport.SCHEMA, DataSchema.class);
        if (standardization == null) {
            schema = null;
        } else if (schema == null || schema.features().size() != network.inputSize()
                || schema.classes().size() != network.outputSize()) {
            schema = new DataSchema(IntStream.range(0, network.inputSize()).mapToObj(i -> "x" + i).toList(), "label",
                    IntStream.range(0, network.outputSize()).mapToObj(String::valueOf).toList());
            notes.add("the graph records no column names; the table's columns are x0..x"
                    + (network.inputSize() - 1) + " and its label column 'label'");
        }
        Provenance provenance = metadata(onnx, OnnxExport.PROVENANCE, Provenance.class);
        if (provenance == null) {
            provenance = new Provenance("nn " + Version.get(), Runtime.version().toString(),
                    Kernels.info().describe(), Instant.now().toString(), Map.of(), 0, 0, 0, 0, null, null, null);
        }
        return new Model(network, config, standardization, schema, provenance.withSource(source));
    }

    private static <T> T metadata(OnnxMessages.Model onnx, String key, Class<T> type) {
        String json = onnx.metadata().get(key);
        if (json == null) {
            return null;
        }
        try {
            return StrictJson.MAPPER.readValue(json, type);
        } catch (JacksonException | IllegalArgumentException e) {
            return null;
        }
    }
}
