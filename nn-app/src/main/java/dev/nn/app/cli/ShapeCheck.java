package dev.nn.app.cli;

import dev.nn.core.data.Dataset;

import java.util.ArrayList;
import java.util.List;

/** Whether a network's input and output sizes suit a dataset, as one line naming what does not fit. */
public final class ShapeCheck {

    private ShapeCheck() {
    }

    /**
     * Fails with a usage error when the network takes other than the data's values per sample, or has fewer
     * outputs than the data has classes; {@code subject} names the network, e.g. {@code --model m.json}.
     */
    public static void requireFits(String subject, int inputs, int outputs, Dataset data) {
        if (inputs != data.features()) {
            throw new IllegalArgumentException(subject + " takes " + inputs + " values per sample, but the data has "
                    + data.features());
        }
        if (outputs < data.classes()) {
            throw new IllegalArgumentException(subject + " has " + outputs + " outputs, but the data has "
                    + data.classes() + " classes");
        }
    }

    /** The layer sizes for hidden layers {@code hidden} on {@code data}: its features in, its classes out. */
    public static List<Integer> layersFor(Dataset data, List<Integer> hidden) {
        return layersFor(data.features(), hidden, data.classes());
    }

    /** {@code inputs}, the hidden sizes, then {@code outputs}. */
    public static List<Integer> layersFor(int inputs, List<Integer> hidden, int outputs) {
        List<Integer> sizes = new ArrayList<>();
        sizes.add(inputs);
        sizes.addAll(hidden);
        sizes.add(outputs);
        return sizes;
    }

    /** The height of a sample seen as a picture: the side of a square when {@code features} is one, else 1. */
    public static int imageHeight(int features) {
        int side = (int) Math.round(Math.sqrt(features));
        return side * side == features ? side : 1;
    }
}
