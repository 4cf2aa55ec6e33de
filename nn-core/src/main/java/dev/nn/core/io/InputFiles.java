package dev.nn.core.io;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * Checks a file before it is read: it exists, is a regular file (a folder, a named pipe or a device would make
 * a reader fail late or wait forever) and can be read. Each failure is an exception naming the file and why.
 */
public final class InputFiles {

    private InputFiles() {
    }

    /** Returns {@code file}'s size after checking that it is a readable regular file. */
    public static long requireRegular(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (Files.isSymbolicLink(file)) {
                throw new FileSystemException(file.toString(), null,
                        brokenLink(file) ? "a symbolic link to a file that does not exist"
                                : "too many levels of symbolic links (a loop?)");
            }
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
        if (Files.isDirectory(file)) {
            throw new FileSystemException(file.toString(), null, "is a folder, not a file");
        }
        if (!Files.isRegularFile(file)) {
            throw new FileSystemException(file.toString(), null,
                    "is not a regular file (a named pipe or a device); give a file");
        }
        if (!Files.isReadable(file)) {
            throw new AccessDeniedException(file.toString(), null, "cannot read it (permission denied)");
        }
        return Files.size(file);
    }

    /** Whether a chain of links ends at a missing file (true) or goes round in a loop (false). */
    private static boolean brokenLink(Path link) {
        Path current = link;
        try {
            for (int hops = 0; hops < 40; hops++) {
                if (!Files.isSymbolicLink(current)) {
                    return true;
                }
                current = current.resolveSibling(Files.readSymbolicLink(current));
            }
        } catch (IOException e) {
            return true;
        }
        return false;
    }
}
