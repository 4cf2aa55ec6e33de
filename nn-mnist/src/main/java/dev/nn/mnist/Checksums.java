package dev.nn.mnist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code SHA256SUMS} file: lines of {@code <hex>  <name>} (the file as stored, as sha256sum writes them)
 * and {@code <hex>  (uncompressed) <name>} (the IDX content, which no gzip setting can change).
 */
public final class Checksums {

    private static final Pattern LINE = Pattern.compile("([0-9a-fA-F]{64})\\s+\\*?(\\(uncompressed\\)\\s+)?(\\S.*)");

    private final String source;
    private final Map<String, String> files = new HashMap<>();
    private final Map<String, String> contents = new HashMap<>();

    private Checksums(String source) {
        this.source = source;
    }

    /** Parses a SHA256SUMS file read from {@code in}; {@code source} names it in messages. */
    public static Checksums parse(InputStream in, String source) throws IOException {
        Checksums sums = new Checksums(source);
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line; (line = reader.readLine()) != null; ) {
            Matcher m = LINE.matcher(line.strip());
            if (m.matches()) {
                String hex = m.group(1).toLowerCase(Locale.ROOT);
                (m.group(2) != null ? sums.contents : sums.files).put(m.group(3).strip(), hex);
            }
        }
        return sums;
    }

    /** The file where these sums come from. */
    public String source() {
        return source;
    }

    /** The listed SHA-256 of the file {@code name} as stored. */
    public Optional<String> fileSum(String name) {
        return Optional.ofNullable(files.get(name));
    }

    /** The listed SHA-256 of the uncompressed content of {@code name} (with or without {@code .gz}). */
    public Optional<String> contentSum(String name) {
        String bare = name.endsWith(".gz") ? name.substring(0, name.length() - 3) : name;
        return Optional.ofNullable(contents.get(bare));
    }
}
