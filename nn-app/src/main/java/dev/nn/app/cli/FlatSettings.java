package dev.nn.app.cli;

import dev.nn.core.config.Augmentation;
import dev.nn.core.config.FitConfig;
import dev.nn.core.config.OptimizerConfig;
import dev.nn.core.config.Regularization;
import dev.nn.core.config.TrainingConfig;
import dev.nn.core.config.Validation;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The console's view of a training config: one flat setting per flag ({@code learningRate} for {@code --lr},
 * {@code batchSize} for {@code --batch-size}, ...), as {@code --config} files hold them, with their defaults
 * read from the typed records that own them. {@link #flagged} turns a library message, which names the API
 * parameter, into one that names the flag.
 */
public final class FlatSettings {

    /** Each setting's flag, in the order help and files show them. */
    public static final Map<String, String> FLAGS = flags();

    private FlatSettings() {
    }

    /** The default of every setting but {@code learningRate} (it follows the optimiser) and {@code layers}. */
    public static Map<String, Object> defaults() {
        TrainingConfig d = TrainingConfig.DEFAULT;
        FitConfig fit = d.fit();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("activation", d.network().activationText());
        m.put("loss", d.network().loss().id());
        m.put("init", d.network().init().id());
        m.put("optimizer", d.optimizer().id());
        m.put("schedule", fit.schedule().id());
        m.put("beta1", OptimizerConfig.Adam.DEFAULT.beta1());
        m.put("beta2", OptimizerConfig.Adam.DEFAULT.beta2());
        m.put("epsilon", OptimizerConfig.Adam.DEFAULT.epsilon());
        m.put("momentum", OptimizerConfig.Momentum.DEFAULT.momentum());
        m.put("batchSize", fit.batchSize());
        m.put("epochs", fit.epochs());
        m.put("seed", fit.seed());
        m.put("averageFrom", fit.averageFrom());
        Regularization r = d.regularization();
        m.put("inputDropout", r.inputDropout());
        m.put("dropout", r.dropout());
        m.put("weightDecay", r.weightDecay());
        m.put("decoupledWeightDecay", r.decoupledWeightDecay());
        m.put("maxNorm", r.maxNorm());
        Validation v = d.validation();
        m.put("validation", v.fraction());
        m.put("patience", v.patience());
        m.put("monitor", v.monitor().id());
        Augmentation a = d.augmentation();
        m.put("rotation", a.rotation());
        m.put("scale", a.scale());
        m.put("shear", a.shear());
        m.put("shift", a.shift());
        m.put("elasticAlpha", a.elasticAlpha());
        m.put("elasticSigma", a.elasticSigma());
        return m;
    }

    /** The default hidden layers: the middle of {@link TrainingConfig#DEFAULT}'s. */
    public static List<Integer> defaultHidden() {
        List<Integer> layers = TrainingConfig.DEFAULT.network().layers();
        return layers.subList(1, layers.size() - 1);
    }

    /** The setting a library message is about, or null: its first word, or the X of "unknown X '...'". */
    public static String settingOf(String message) {
        String[] words = message.split("[ :]", 3);
        String first = words[0];
        if (first.equals("unknown") && words.length > 1) {
            return switch (words[1]) {
                case "initialiser" -> "init";
                case "activation", "loss", "optimizer", "schedule", "monitor" -> words[1];
                default -> null;
            };
        }
        if (first.equals("activations")) {
            return "activation";
        }
        return FLAGS.containsKey(first) ? first : null;
    }

    /** The message with its setting's name replaced by the flag, e.g. {@code --batch-size must be at least 1}. */
    public static String flagged(String message) {
        String setting = settingOf(message);
        if (setting == null) {
            return message;
        }
        String flag = FLAGS.get(setting);
        return message.startsWith(setting + " ") || message.startsWith("activations ")
                ? flag + message.substring(message.indexOf(' ')) : flag + ": " + message;
    }

    private static Map<String, String> flags() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("layers", "--layers");
        m.put("hidden", "--hidden");
        m.put("activation", "--activation");
        m.put("loss", "--loss");
        m.put("init", "--init");
        m.put("optimizer", "--optimizer");
        m.put("learningRate", "--lr");
        m.put("schedule", "--schedule");
        m.put("beta1", "--beta1");
        m.put("beta2", "--beta2");
        m.put("epsilon", "--epsilon");
        m.put("momentum", "--momentum");
        m.put("batchSize", "--batch-size");
        m.put("epochs", "--epochs");
        m.put("seed", "--seed");
        m.put("averageFrom", "--average-from");
        m.put("inputDropout", "--input-dropout");
        m.put("dropout", "--dropout");
        m.put("weightDecay", "--weight-decay");
        m.put("decoupledWeightDecay", "--decoupled-weight-decay");
        m.put("maxNorm", "--max-norm");
        m.put("validation", "--validation");
        m.put("patience", "--patience");
        m.put("monitor", "--monitor");
        m.put("rotation", "--rotation");
        m.put("scale", "--scale");
        m.put("shear", "--shear");
        m.put("shift", "--shift");
        m.put("elasticAlpha", "--elastic");
        m.put("elasticSigma", "--elastic-sigma");
        m.put("threads", "--threads");
        return Collections.unmodifiableMap(m);
    }
}
