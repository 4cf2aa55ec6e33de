package dev.nn.app.cli;

import dev.nn.core.io.AtomicFiles;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks, before any work, the files a command will write: each can be replaced (see
 * {@link AtomicFiles#requireReplaceable}), and no two flags name the same file, however it is spelt
 * ({@code m.json}, {@code ./m.json}, a symbolic link to it).
 */
public final class OutputFiles {

    private OutputFiles() {
    }

    /** Fails with one line naming {@code flag} when {@code file} cannot be written in place. */
    public static void requireWritable(String flag, Path file) {
        try {
            AtomicFiles.requireReplaceable(file);
        } catch (FileSystemException e) {
            throw new UserException(flag + " " + file + ": " + (e.getReason() == null ? "cannot be written"
                    : e.getReason()));
        } catch (IOException e) {
            throw new UserException(flag + " " + file + ": " + e.getMessage());
        }
    }

    /**
     * Fails with one line when two of the named files are the same file: {@code files} maps each flag (with
     * its role, e.g. {@code --out}) to its file; null files are skipped.
     */
    public static void requireDistinct(Map<String, Path> files) {
        List<Map.Entry<String, Path>> given = new ArrayList<>();
        files.forEach((flag, file) -> {
            if (file != null) {
                given.add(Map.entry(flag, file));
            }
        });
        for (int i = 0; i < given.size(); i++) {
            for (int j = i + 1; j < given.size(); j++) {
                if (same(given.get(i).getValue(), given.get(j).getValue())) {
                    throw new UserException(given.get(i).getKey() + " " + given.get(i).getValue() + " and "
                            + given.get(j).getKey() + " " + given.get(j).getValue()
                            + " are the same file; give them different names");
                }
            }
        }
    }

    /** Whether two paths name one file: compared after following links and normalising, existing or not. */
    public static boolean same(Path a, Path b) {
        return canonical(a).equals(canonical(b));
    }

    private static Path canonical(Path file) {
        Path absolute = file.toAbsolutePath().normalize();
        try {
            if (Files.exists(absolute)) {
                return absolute.toRealPath();
            }
            Path target = AtomicFiles.requireReplaceable(absolute);
            return Files.isDirectory(target.getParent()) ? target.getParent().toRealPath().resolve(target.getFileName())
                    : target;
        } catch (IOException e) {
            return absolute;
        }
    }
}
