package dev.nn.core.model;

import java.util.List;
import java.util.Objects;

/**
 * What a model trained on a table knows of it: the feature columns in order, the label column, and the class
 * names in the order of the network's outputs. Absent for image models, whose classes are their indices.
 *
 * @param features the feature columns' names
 * @param label the label column's name
 * @param classes the class names, output 0 first
 */
public record DataSchema(List<String> features, String label, List<String> classes) {

    /** Checks that every part is there; copies the lists. */
    public DataSchema {
        if (features == null || label == null || classes == null || classes.size() < 2
                || features.stream().anyMatch(Objects::isNull) || classes.stream().anyMatch(Objects::isNull)) {
            throw new IllegalArgumentException("a data schema needs feature names, a label column and two or more"
                    + " class names");
        }
        features = List.copyOf(features);
        classes = List.copyOf(classes);
    }
}
