package dev.nn.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a save keeps of the file it replaces, and what it refuses to replace (issue 17, item 8). */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static void write(Path file, String text) throws IOException {
        AtomicFiles.write(file, out -> out.write(text.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aReplacedFileKeepsItsPermissions() throws IOException {
        Path file = dir.resolve("model.json");
        Files.writeString(file, "old");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        write(file, "new");
        assertEquals("new", Files.readString(file));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aNewFileGetsTheUmasksPermissionsNotOwnerOnly() throws IOException {
        Path reference = Files.createFile(dir.resolve("reference"));
        Path file = dir.resolve("new.json");
        write(file, "x");
        assertEquals(Files.getPosixFilePermissions(reference), Files.getPosixFilePermissions(file));
    }

    @Test
    void aReadOnlyFileIsRefusedAndKept() throws IOException {
        Path file = dir.resolve("keep.json");
        Files.writeString(file, "mine");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("r--r--r--"));
        AccessDeniedException e = assertThrows(AccessDeniedException.class, () -> write(file, "new"));
        assertTrue(e.getMessage().contains("read-only"), e.getMessage());
        assertEquals("mine", Files.readString(file));
    }

    @Test
    void aSymbolicLinkStaysALinkAndItsTargetIsReplaced() throws IOException {
        Path real = Files.createDirectories(dir.resolve("models")).resolve("real.json");
        Files.writeString(real, "old");
        Path link = Files.createSymbolicLink(dir.resolve("link.json"), Path.of("models/real.json"));
        write(link, "new");
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("new", Files.readString(real));
    }

    @Test
    void temporariesOfDeadProcessesAreRemovedOthersKept() throws IOException {
        Path file = dir.resolve("m.json");
        Path stale = Files.writeString(dir.resolve(".m.json.2147483646.abc.tmp"), "half");
        Path live = Files.writeString(dir.resolve(".m.json." + ProcessHandle.current().pid() + ".abc.tmp"), "busy");
        Path foreign = Files.writeString(dir.resolve(".m.json.notes.tmp"), "not ours");
        write(file, "whole");
        assertFalse(Files.exists(stale), "a temporary of a process that is gone");
        assertTrue(Files.exists(live) && Files.exists(foreign));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "the file, the live and the foreign temporary");
        }
    }

    @Test
    void foldersAndPipesAreRefusedAsTargets() throws Exception {
        assertThrows(FileSystemException.class, () -> write(dir, "x"));
        Path fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        FileSystemException e = assertThrows(FileSystemException.class, () -> write(fifo, "x"));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aWriteErrorNamesTheUsersFileNotTheTemporary() {
        Path file = dir.resolve("m.json");
        FileSystemException e = assertThrows(FileSystemException.class, () -> AtomicFiles.write(file, out -> {
            throw new IOException("No space left on device");
        }));
        assertEquals(file.toString(), e.getFile());
        assertTrue(e.getReason().contains("No space left on device"), e.getReason());
    }
}
