package dev.nn.app.cli;

import dev.nn.core.config.Augmentation;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;

import java.util.Map;

/**
 * {@code nn train}'s flags against learning the training set by heart: dropout, weight decay and max-norm, the
 * augmentation of the training images, and the validation set with early stopping; and how they become settings.
 */
public final class RegularizationOptions {

    @Option(names = "--input-dropout", paramLabel = "P", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Fraction of the input values dropped in each training batch, inverted dropout"
                    + " (default 0: none).")
    float inputDropout;

    @Option(names = "--dropout", paramLabel = "P", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Fraction of each hidden layer's outputs dropped in each training batch (default 0:"
                    + " none).")
    float dropout;

    @Option(names = "--weight-decay", paramLabel = "L", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "L2 weight decay: L times each weight added to its gradient; biases are not decayed"
                    + " (default 0: none).")
    float weightDecay;

    @Option(names = "--decoupled-weight-decay", paramLabel = "L",
            showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Decoupled weight decay (AdamW): each weight times 1 - lr*L before each step (default 0:"
                    + " none).")
    float decoupledWeightDecay;

    @Option(names = "--max-norm", paramLabel = "C", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Scale each unit's incoming weights down to norm C after each step (default 0: no"
                    + " bound).")
    float maxNorm;

    @Option(names = "--augment", paramLabel = "S", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation of strength S, from 0 to 5: S times rotation 10, scale 0.1, shear 0.15,"
                    + " shift 2 and elastic 34 (--rotation, --scale, --shear, --shift or --elastic given as well win).")
    Float augment;

    @Option(names = "--rotation", paramLabel = "DEG", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation: rotate each training image by a random angle up to DEG degrees either way"
                    + " (default 0: none; the augmentation flags distort every batch afresh, seeded by --seed).")
    float rotation;

    @Option(names = "--scale", paramLabel = "F", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation: stretch each axis by a random factor from 1-F to 1+F (default 0).")
    float scale;

    @Option(names = "--shear", paramLabel = "S", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation: a random horizontal shear, slope up to S either way (default 0).")
    float shear;

    @Option(names = "--shift", paramLabel = "PX", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation: move each image by up to PX pixels along each axis (default 0).")
    float shift;

    @Option(names = "--elastic", paramLabel = "ALPHA", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Augmentation: elastic distortion, smooth random displacements scaled by ALPHA pixels"
                    + " (Simard et al. 2003 use 34; default 0: none).")
    float elasticAlpha;

    @Option(names = "--elastic-sigma", paramLabel = "SIGMA",
            description = "The width, in pixels, of the Gaussian that smooths the elastic displacements.")
    float elasticSigma;

    @Option(names = "--validation", paramLabel = "FRACTION", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "Hold this fraction of the training data out (seeded by --seed), measure it after every"
                    + " epoch and keep the weights of the epoch that scored best on it (default: none held out)."
                    + " On a CSV without --test, the held-out rows are the test set instead.")
    Float validation;

    @Option(names = "--patience", paramLabel = "N", showDefaultValue = CommandLine.Help.Visibility.NEVER,
            description = "With --validation: stop once N epochs in a row have not beaten the best validation"
                    + " figure (default 0: train every epoch).")
    int patience;

    @Option(names = "--monitor", paramLabel = "NAME",
            description = "The validation figure that picks the best epoch: loss (lowest) or accuracy (highest).")
    String monitor;

    /**
     * Puts the settings of the flags given into {@code given} (setting name to value): {@code --augment}'s
     * distortions for any not given alone; without {@code --validation}'s rows being a validation set
     * ({@code validationIsTest}: a table's test rows), no validation and no patience.
     */
    public void addGiven(ParseResult parsed, boolean validationIsTest, Map<String, Object> given) {
        Object[][] flags = {{"inputDropout", inputDropout}, {"dropout", dropout}, {"weightDecay", weightDecay},
                {"decoupledWeightDecay", decoupledWeightDecay}, {"maxNorm", maxNorm}, {"validation", validation},
                {"patience", patience}, {"monitor", monitor}, {"rotation", rotation}, {"scale", scale},
                {"shear", shear}, {"shift", shift}, {"elasticAlpha", elasticAlpha}, {"elasticSigma", elasticSigma}};
        for (Object[] flag : flags) {
            if (parsed.hasMatchedOption(FlatSettings.FLAGS.get((String) flag[0]))) {
                given.put((String) flag[0], flag[1]);
            }
        }
        if (augment != null) {
            Augmentation preset;
            try {
                preset = Augmentation.ofStrength(augment);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("--" + e.getMessage());
            }
            given.putIfAbsent("rotation", preset.rotation());
            given.putIfAbsent("scale", preset.scale());
            given.putIfAbsent("shear", preset.shear());
            given.putIfAbsent("shift", preset.shift());
            given.putIfAbsent("elasticAlpha", preset.elasticAlpha());
        }
        if (validationIsTest) {
            if (given.containsKey("patience")) {
                throw new IllegalArgumentException("--patience on a table needs --test FILE.csv: without it, the"
                        + " rows --validation holds out are the test set, which must not choose the epoch");
            }
            given.remove("validation");
        }
    }

    /** The value of {@code --validation}, or null when it was not given. */
    public Double validationGiven(ParseResult parsed) {
        return parsed.hasMatchedOption("--validation") ? Double.valueOf(validation) : null;
    }
}
