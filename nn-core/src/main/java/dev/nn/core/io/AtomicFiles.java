package dev.nn.core.io;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Writes whole files atomically: the content goes to a temporary file beside the target, is forced to disk,
 * and is renamed over the target. A reader sees the old file or the new one, never a part; on any failure
 * (a full disk, an exception while writing) the temporary file is removed and the target is untouched.
 *
 * <p>The new file keeps what the user set on the old one: its permissions (a new file gets the umask's), and a
 * symbolic link stays a link (the file it points to is replaced). A read-only target or one that is not a
 * regular file is refused. Temporary files are named {@code .NAME.PID.RANDOM.tmp}; those left by a process
 * that no longer runs (killed during a save) are removed by the next write of the same file.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Something that writes a whole file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        /** Writes the content; closing the stream is allowed and only flushes it. */
        void writeTo(OutputStream out) throws IOException;
    }

    /** Replaces {@code file} with {@code content}, atomically. */
    public static void write(Path file, Content content) throws IOException {
        Path target = requireReplaceable(file);
        removeStaleTemporaries(target);
        Path temp = target.resolveSibling("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + Long.toUnsignedString(ThreadLocalRandom.current().nextLong(), 36) + ".tmp");
        Files.createFile(temp); // no attributes: the umask decides, as for any file the user creates
        try {
            if (Files.exists(target)) {
                copyPermissions(target, temp);
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16) {
                    @Override
                    public void close() throws IOException {
                        flush(); // the channel is forced to disk before it is closed
                    }
                };
                content.writeTo(out);
                out.flush();
                channel.force(true);
            } catch (IOException e) {
                throw named(file, e);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException | Error e) {
            Files.deleteIfExists(temp);
            throw e;
        }
    }

    /**
     * Checks that {@code file} can be replaced and returns the path that will be: its folder exists and can be
     * written, it is not a folder or a special file, it is not read-only; a symbolic link is followed to the
     * file it names. Commands call it before any work, so that a mistake is found before hours of training.
     */
    public static Path requireReplaceable(Path file) throws IOException {
        Path target = followLinks(file.toAbsolutePath().normalize());
        Path dir = target.getParent();
        if (!Files.isDirectory(dir)) {
            throw new NoSuchFileException(file.toString(), null, "the folder " + dir + " does not exist");
        }
        if (Files.isDirectory(target)) {
            throw new FileSystemException(file.toString(), null, "is a folder; give a file name");
        }
        if (Files.exists(target)) {
            if (!Files.isRegularFile(target)) {
                throw new FileSystemException(file.toString(), null, "is not a regular file (a device or a pipe?)");
            }
            if (readOnly(target)) {
                throw new AccessDeniedException(file.toString(), null,
                        "is read-only; make it writable (chmod u+w) or give another file");
            }
        }
        if (!Files.isWritable(dir)) {
            throw new AccessDeniedException(file.toString(), null, "cannot write to the folder " + dir);
        }
        return target;
    }

    /** The file a chain of symbolic links ends at (which need not exist yet); a loop is an error naming it. */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == 40) {
                throw new FileSystemException(path.toString(), null, "too many levels of symbolic links (a loop?)");
            }
            current = current.resolveSibling(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /** Read-only by its owner's write bit (root may write anything, but a file its owner made 0444 is meant to stay). */
    private static boolean readOnly(Path target) throws IOException {
        if (Files.getFileStore(target).supportsFileAttributeView("posix")) {
            return !Files.getPosixFilePermissions(target).contains(PosixFilePermission.OWNER_WRITE);
        }
        return !Files.isWritable(target);
    }

    private static void copyPermissions(Path from, Path to) throws IOException {
        if (Files.getFileStore(from).supportsFileAttributeView("posix")) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(from, LinkOption.NOFOLLOW_LINKS);
            Files.setPosixFilePermissions(to, permissions);
        }
    }

    /** Removes {@code .NAME.PID.*.tmp} files beside {@code target} whose process no longer runs. */
    private static void removeStaleTemporaries(Path target) throws IOException {
        String prefix = "." + target.getFileName() + ".";
        try (DirectoryStream<Path> temps = Files.newDirectoryStream(target.getParent(),
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".tmp"))) {
            for (Path temp : temps) {
                String[] parts = temp.getFileName().toString().substring(prefix.length()).split("\\.");
                if (parts.length == 3 && parts[0].chars().allMatch(Character::isDigit) && !parts[0].isEmpty()
                        && ProcessHandle.of(Long.parseLong(parts[0])).isEmpty()) {
                    Files.deleteIfExists(temp);
                }
            }
        } catch (NumberFormatException notOurs) {
            // a digit run too long for a pid: not a file this class wrote
        }
    }

    /** An I/O error while writing, with the user's file name (not the temporary's) and the system's reason. */
    private static IOException named(Path file, IOException e) {
        String reason = e instanceof FileSystemException f && f.getReason() != null ? f.getReason() : e.getMessage();
        return new FileSystemException(file.toString(), null, "could not be written: "
                + (reason == null ? e.getClass().getSimpleName() : reason));
    }
}
