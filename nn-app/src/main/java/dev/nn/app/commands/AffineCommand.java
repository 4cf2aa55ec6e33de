package dev.nn.app.commands;

import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.OutputFiles;
import dev.nn.app.cli.UserException;
import dev.nn.app.progress.JobProgress;
import dev.nn.core.data.Dataset;
import dev.nn.mnist.digits.AffineDigits;
import dev.nn.mnist.idx.IdxArray;
import dev.nn.mnist.idx.IdxWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code nn data affine}: a test set (and optionally a training set) of digits distorted as affNIST's are. */
@Command(name = "affine", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Write MNIST's test digits (or another picture set's), each rotated by up to ±20°, sheared by"
                + " up to ±0.2, scaled by 0.8 to 1.2 and moved to a random place on a larger canvas where it stays"
                + " whole,"
                + " as IDX files: the same seed gives the same pictures.",
                "Any model can be evaluated on them with --data; --train writes a distorted training set too."},
        footerHeading = "%nExamples:%n",
        footer = {"  ./nn data affine --out affnist-40/",
                "  ./nn data affine --size 40 --seed 7 --train --out affnist-40-train/",
                "  ./nn train --data affnist-40-train/ --hidden 256 --epochs 10",
                "  ./nn data affine --centred-train --out affnist-40-centred/",
                "  ./nn train --data affnist-40-centred/ --rotation 20 --shear 0.2 --scale 0.2 --shift 8"})
public final class AffineCommand implements Callable<Integer> {

    @Option(names = "--out", paramLabel = "DIR", required = true, description = "The folder to write to (made if"
            + " missing).")
    Path out;

    @Option(names = "--size", paramLabel = "N", defaultValue = "40", description = "The canvas's side, in pixels.")
    int size;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for the distortions.")
    long seed;

    @Option(names = "--train", description = "Also write the training set, each picture distorted once.")
    boolean train;

    @Option(names = "--centred-train", description = "Also write the training set, each picture undistorted in"
            + " the middle of the canvas: to train on with distortions drawn afresh every batch (nn train's"
            + " --rotation, --shear, --scale, --shift).")
    boolean centredTrain;

    @Mixin
    DataOptions data;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (size < 1 || size > 1024) {
            throw new IllegalArgumentException("--size must be from 1 to 1024, got " + size);
        }
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new UserException("--out " + out + ": not a folder");
        }
        Path testImages = out.resolve("t10k-images-idx3-ubyte.gz");
        Path trainImages = out.resolve("train-images-idx3-ubyte.gz");
        PrintWriter err = spec.commandLine().getErr();
        if (train && centredTrain) {
            throw new IllegalArgumentException("--train and --centred-train: give one of the two");
        }
        var sets = train || centredTrain ? data.load(err) : null;
        Dataset test = sets != null ? sets.test() : data.loadTest(err);
        int side = (int) Math.round(Math.sqrt(test.features()));
        if (!test.isPictures() || side * side != test.features()) {
            throw new IllegalArgumentException("--data: " + test.name() + " is not square pictures; affine"
                    + " distortions need them");
        }
        if (size < side) {
            throw new IllegalArgumentException("--size " + size + ": the canvas must be at least the pictures' side ("
                    + side + ")");
        }
        Files.createDirectories(out);
        OutputFiles.requireWritable("--out", testImages);
        write(err, test, side, seed, testImages, out.resolve("t10k-labels-idx1-ubyte.gz"));
        if (sets != null) {
            write(err, sets.train(), side, centredTrain ? null : seed + 1, trainImages,
                    out.resolve("train-labels-idx1-ubyte.gz"));
        }
        spec.commandLine().getOut().printf("wrote %s: %,d test%s pictures of %d×%d (seed %d)%n", out, test.size(),
                sets == null ? "" : String.format(" and %,d%s training", sets.train().size(),
                        centredTrain ? " centred" : ""), size, size, seed);
        return 0;
    }

    /** Writes {@code set} on the canvas, each picture distorted from {@code drawSeed}, or centred when it is null. */
    private void write(PrintWriter err, Dataset set, int side, Long drawSeed, Path images, Path labels)
            throws java.io.IOException {
        AffineDigits distort = drawSeed == null ? null : new AffineDigits(side, size, drawSeed);
        byte[] centred = new byte[size * size];
        int margin = (size - side) / 2;
        byte[] pixels = new byte[side * side];
        byte[] canvas = new byte[set.size() * size * size];
        byte[] classes = new byte[set.size()];
        try (JobProgress progress = JobProgress.start("affine " + set.name(), set.size(), "pictures", err)) {
            for (int i = 0; i < set.size(); i++) {
                set.pixels(i, pixels);
                if (distort == null) {
                    for (int y = 0; y < side; y++) {
                        System.arraycopy(pixels, y * side, centred, (y + margin) * size + margin, side);
                    }
                }
                System.arraycopy(distort == null ? centred : distort.next(pixels), 0, canvas, i * size * size,
                        size * size);
                classes[i] = (byte) set.label(i);
                progress.stepTo(i + 1);
            }
        }
        IdxWriter.write(images, IdxArray.ofUnsignedBytes(canvas, set.size(), size, size), true);
        IdxWriter.write(labels, IdxArray.ofUnsignedBytes(classes, set.size()), true);
    }
}
