package dev.nn.mnist;

import dev.nn.core.data.Dataset;
import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxFile;
import dev.nn.mnist.idx.IdxFormatException;
import dev.nn.mnist.idx.IdxReader;
import dev.nn.mnist.idx.IdxType;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Loads MNIST-format datasets: four IDX files (training images and labels, test images and labels), images
 * as unsigned bytes of any rank ≥ 2 (samples × height × width, or samples × features), labels as unsigned
 * bytes, one per sample. Files are checked against a {@code SHA256SUMS} beside them when there is one.
 */
public final class IdxDatasets {

    /** The class-path folder of the bundled MNIST (the nn-data module). */
    public static final String BUNDLED_RESOURCES = "dev/nn/data/mnist/";

    private static final String[] MNIST_FILES = {
            "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"};

    private IdxDatasets() {
    }

    /** Whether the bundled MNIST is on the class path. */
    public static boolean hasBundledMnist() {
        return IdxDatasets.class.getClassLoader().getResource(BUNDLED_RESOURCES + "SHA256SUMS") != null;
    }

    /** The bundled MNIST, every file verified against its content SHA-256. */
    public static TrainTest bundledMnist() throws IOException {
        IdxFile[] files = bundled(MNIST_FILES);
        return pair("MNIST", files[0], files[1], files[2], files[3]);
    }

    /**
     * The bundled MNIST's test set alone, its files verified: what evaluation and prediction need, read in a
     * fraction of the time the training set takes.
     */
    public static Dataset bundledMnistTest() throws IOException {
        IdxFile[] files = bundled(MNIST_FILES[2], MNIST_FILES[3]);
        return single("MNIST test", files[0], files[1]);
    }

    private static IdxFile[] bundled(String... names) throws IOException {
        ClassLoader loader = IdxDatasets.class.getClassLoader();
        Checksums sums;
        try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCES + "SHA256SUMS")) {
            if (in == null) {
                throw new NoSuchFileException("bundled MNIST", null,
                        "not on the class path (the nn-data module is missing); use --data DIR");
            }
            sums = Checksums.parse(in, "bundled SHA256SUMS");
        }
        IdxFile[] files = new IdxFile[names.length];
        for (int i = 0; i < files.length; i++) {
            String name = names[i];
            try (InputStream in = loader.getResourceAsStream(BUNDLED_RESOURCES + name)) {
                if (in == null) {
                    throw new NoSuchFileException("bundled " + name, null, "missing from the class path");
                }
                files[i] = verify(IdxReader.read(in, "bundled " + name), name, sums, true);
            }
        }
        return files;
    }

    /**
     * The dataset in folder {@code dir}: one file each whose name says training or test ({@code train},
     * {@code t10k} or {@code test}) and images or labels ({@code images}/{@code idx3}, {@code labels}/{@code idx1}),
     * gzipped or not.
     */
    public static TrainTest load(Path dir) throws IOException {
        List<Path> files = listing(dir);
        Checksums sums = sums(dir);
        IdxFile trainImages = read(find(dir, files, true, true), sums);
        IdxFile trainLabels = read(find(dir, files, true, false), sums);
        IdxFile testImages = read(find(dir, files, false, true), sums);
        IdxFile testLabels = read(find(dir, files, false, false), sums);
        return pair(dir.toString(), trainImages, trainLabels, testImages, testLabels);
    }

    private static List<Path> listing(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            throw new NoSuchFileException(dir.toString(), null, "no such folder");
        }
        if (!Files.isDirectory(dir)) {
            throw new NotDirectoryException(dir + " (--data takes a folder holding the four IDX files)");
        }
        try (Stream<Path> listing = Files.list(dir)) {
            return listing.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList();
        }
    }

    /** The folder's SHA256SUMS, or null when it has none. */
    private static Checksums sums(Path dir) throws IOException {
        Path sumsFile = dir.resolve("SHA256SUMS");
        if (!Files.isRegularFile(sumsFile)) {
            return null;
        }
        try (InputStream in = Files.newInputStream(sumsFile)) {
            return Checksums.parse(in, sumsFile.toString());
        }
    }

    /** The test set alone of the dataset in folder {@code dir} (named as {@link #load} finds them). */
    public static Dataset loadTest(Path dir) throws IOException {
        List<Path> files = listing(dir);
        Checksums sums = sums(dir);
        return single(dir + " test", read(find(dir, files, false, true), sums), read(find(dir, files, false, false),
                sums));
    }

    private static IdxFile read(Path file, Checksums sums) throws IOException {
        IdxFile idx = IdxReader.read(file);
        return sums == null ? idx : verify(idx, file.getFileName().toString(), sums, false);
    }

    private static Path find(Path dir, List<Path> files, boolean train, boolean images) throws IOException {
        List<Path> matches = new ArrayList<>();
        for (Path p : files) {
            String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
            boolean isTrain = name.contains("train");
            boolean isTest = name.contains("t10k") || name.contains("test");
            boolean isImages = name.contains("images") || name.contains("idx3");
            boolean isLabels = name.contains("labels") || name.contains("idx1");
            if ((train ? isTrain && !isTest : isTest && !isTrain) && (images ? isImages && !isLabels
                    : isLabels && !isImages)) {
                matches.add(p);
            }
        }
        String what = (train ? "training " : "test ") + (images ? "images" : "labels");
        String example = (train ? "train" : "t10k") + (images ? "-images-idx3-ubyte" : "-labels-idx1-ubyte");
        if (matches.isEmpty()) {
            throw new NoSuchFileException(dir.toString(), null, "no " + what + " file (expected a name like "
                    + example + " or " + example + ".gz)");
        }
        if (matches.size() > 1) {
            throw new IOException(dir + ": more than one file could be the " + what + ": "
                    + matches.stream().map(p -> p.getFileName().toString()).toList());
        }
        return matches.getFirst();
    }

    private static IdxFile verify(IdxFile file, String name, Checksums sums, boolean required)
            throws IdxFormatException {
        Optional<String> content = sums.contentSum(name);
        Optional<String> stored = sums.fileSum(name);
        if (content.isPresent() && !content.get().equals(file.contentSha256())) {
            throw new IdxFormatException(file.name(), "checksum mismatch: its content's SHA-256 is "
                    + file.contentSha256() + " but " + sums.source() + " says " + content.get());
        }
        if (content.isEmpty() && stored.isPresent() && !stored.get().equals(file.fileSha256())) {
            throw new IdxFormatException(file.name(), "checksum mismatch: its SHA-256 is " + file.fileSha256()
                    + " but " + sums.source() + " says " + stored.get());
        }
        if (required && content.isEmpty()) {
            throw new IdxFormatException(file.name(), sums.source() + " lists no content checksum for it");
        }
        return file;
    }

    private static TrainTest pair(String name, IdxFile trainImages, IdxFile trainLabels, IdxFile testImages,
                                  IdxFile testLabels) throws IdxFormatException {
        requireImages(trainImages);
        requireImages(testImages);
        requireLabels(trainLabels, trainImages);
        requireLabels(testLabels, testImages);
        if (trainImages.array().itemSize() != testImages.array().itemSize()) {
            throw new IdxFormatException(testImages.name(), "images of " + shape(testImages.array())
                    + " values, but the training images are " + shape(trainImages.array()));
        }
        int classes = Math.max(2, Math.max(maxLabel(trainLabels), maxLabel(testLabels)) + 1);
        return new TrainTest(dataset(name + " train", trainImages, trainLabels, classes),
                dataset(name + " test", testImages, testLabels, classes));
    }

    /** One set of images and labels, its classes those its labels name (at least two). */
    private static Dataset single(String name, IdxFile images, IdxFile labels) throws IdxFormatException {
        requireImages(images);
        requireLabels(labels, images);
        return dataset(name, images, labels, Math.max(2, maxLabel(labels) + 1));
    }

    private static Dataset dataset(String name, IdxFile images, IdxFile labels, int classes) {
        Map<String, String> checksums = new LinkedHashMap<>();
        checksums.put(baseName(images.name()), images.contentSha256());
        checksums.put(baseName(labels.name()), labels.contentSha256());
        Dataset dataset = new Dataset(name, images.array().data(), labels.array().data(), images.array().itemSize(),
                classes, checksums);
        int[] dims = images.array().dims();
        return dims.length == 3 ? dataset.withImageHeight(dims[1]) : dataset;
    }

    private static void requireImages(IdxFile file) throws IdxFormatException {
        IdxArray a = file.array();
        if (a.type() != IdxType.UNSIGNED_BYTE || a.rank() < 2 || a.itemSize() == 0) {
            throw new IdxFormatException(file.name(), "expected images: unsigned bytes of rank 2 or more "
                    + "(samples × height × width), found " + describe(a));
        }
        if (a.count() == 0) {
            throw new IdxFormatException(file.name(), "holds no samples (dimensions " + Arrays.toString(a.dims())
                    + "); a dataset needs at least one");
        }
    }

    private static void requireLabels(IdxFile labels, IdxFile images) throws IdxFormatException {
        IdxArray a = labels.array();
        if (a.type() != IdxType.UNSIGNED_BYTE || a.rank() != 1) {
            throw new IdxFormatException(labels.name(), "expected labels: unsigned bytes of rank 1, found "
                    + describe(a));
        }
        if (a.count() != images.array().count()) {
            throw new IdxFormatException(labels.name(), a.count() + " labels, but " + images.name() + " holds "
                    + images.array().count() + " images");
        }
    }

    private static int maxLabel(IdxFile labels) {
        int max = 0;
        for (byte b : labels.array().data()) {
            max = Math.max(max, b & 0xFF);
        }
        return max;
    }

    private static String describe(IdxArray a) {
        return a.type().name().toLowerCase(Locale.ROOT) + " " + Arrays.toString(a.dims());
    }

    private static String shape(IdxArray a) {
        return Arrays.toString(Arrays.copyOfRange(a.dims(), 1, a.rank()));
    }

    private static String baseName(String name) {
        String n = name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1);
        return n.startsWith("bundled ") ? n.substring("bundled ".length()) : n;
    }
}
