package dev.nn.app.commands;

import dev.nn.app.cli.FlatSettings;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;

import java.util.Map;

/** Feeds {@code nn train}'s flags their defaults from the typed config records, the one place they live. */
public final class TrainDefaults implements IDefaultValueProvider {

    @Override
    public String defaultValue(ArgSpec arg) {
        if (!(arg instanceof OptionSpec option)) {
            return null;
        }
        String flag = option.longestName();
        if (flag.equals("--hidden")) {
            return String.join(",", FlatSettings.defaultHidden().stream().map(String::valueOf).toList());
        }
        if (flag.equals("--threads")) {
            return String.valueOf(Runtime.getRuntime().availableProcessors());
        }
        Map<String, Object> defaults = FlatSettings.defaults();
        for (Map.Entry<String, String> setting : FlatSettings.FLAGS.entrySet()) {
            if (setting.getValue().equals(flag) && defaults.containsKey(setting.getKey())) {
                return String.valueOf(defaults.get(setting.getKey()));
            }
        }
        return null;
    }
}
