package dev.nn.core.model;

/**
 * The files a training run works with, as its checkpoint records them: resuming writes the model where the run
 * would have and reads the same data.
 *
 * @param out the model file the run saves at its end, as an absolute path
 * @param dataFolder the folder of IDX files it trains on, as an absolute path, or null for a built-in dataset
 * @param dataset the built-in dataset's name when {@code dataFolder} is null ({@code mnist}, {@code xor})
 */
public record RunFiles(String out, String dataFolder, String dataset) {
}
