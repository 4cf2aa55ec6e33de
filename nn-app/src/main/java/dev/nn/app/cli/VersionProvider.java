package dev.nn.app.cli;

import dev.nn.core.Version;
import picocli.CommandLine.IVersionProvider;

/** {@code nn --version}: nn's version and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[]{"nn " + Version.get() + " (Java " + Runtime.version() + ")"};
    }
}
