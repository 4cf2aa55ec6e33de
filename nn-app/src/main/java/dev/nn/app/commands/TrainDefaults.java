package dev.nn.app.commands;

import dev.nn.core.config.TrainingConfig;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.List;

/** Feeds {@code nn train}'s flags their defaults from {@link TrainingConfig#DEFAULT}, the one place they live. */
public final class TrainDefaults implements IDefaultValueProvider {

    /** The default hidden layers: the middle of {@link TrainingConfig#DEFAULT}'s layers. */
    static final List<Integer> HIDDEN =
            TrainingConfig.DEFAULT.layers().subList(1, TrainingConfig.DEFAULT.layers().size() - 1);

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        TrainingConfig d = TrainingConfig.DEFAULT;
        return switch (option.longestName()) {
            case "--hidden" -> String.join(",", HIDDEN.stream().map(String::valueOf).toList());
            case "--activation" -> d.activation();
            case "--loss" -> d.loss();
            case "--init" -> d.init();
            case "--optimizer" -> d.optimizer();
            case "--schedule" -> d.schedule();
            case "--beta1" -> String.valueOf(d.beta1());
            case "--beta2" -> String.valueOf(d.beta2());
            case "--epsilon" -> String.valueOf(d.epsilon());
            case "--momentum" -> String.valueOf(d.momentum());
            case "--batch-size" -> String.valueOf(d.batchSize());
            case "--epochs" -> String.valueOf(d.epochs());
            case "--seed" -> String.valueOf(d.seed());
            case "--threads" -> String.valueOf(Runtime.getRuntime().availableProcessors());
            default -> null;
        };
    }
}
