package dev.nn.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Nothing is opened that would make a reader wait forever or fail late (issue 17, items 11 and 13). */
class InputFilesTest {

    @TempDir
    Path dir;

    @Test
    void aNamedPipeIsRefusedWithoutOpeningIt() throws Exception {
        Path fifo = dir.resolve("fifo");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        FileSystemException e = assertThrows(FileSystemException.class, () -> InputFiles.requireRegular(fifo));
        assertTrue(e.getMessage().contains("not a regular file"), e.getMessage());
    }

    @Test
    void aLoopOfLinksIsNotCalledMissing() throws Exception {
        Path a = dir.resolve("a");
        Files.createSymbolicLink(a, dir.resolve("b"));
        Files.createSymbolicLink(dir.resolve("b"), a);
        FileSystemException e = assertThrows(FileSystemException.class, () -> InputFiles.requireRegular(a));
        assertTrue(e.getReason().contains("loop"), e.getReason());
        Path dangling = Files.createSymbolicLink(dir.resolve("c"), dir.resolve("gone"));
        e = assertThrows(FileSystemException.class, () -> InputFiles.requireRegular(dangling));
        assertTrue(e.getReason().contains("does not exist"), e.getReason());
    }

    @Test
    void foldersAndMissingFilesAreNamed() throws Exception {
        assertTrue(assertThrows(FileSystemException.class, () -> InputFiles.requireRegular(dir)).getReason()
                .contains("folder"));
        assertThrows(NoSuchFileException.class, () -> InputFiles.requireRegular(dir.resolve("none")));
        assertEquals(3, InputFiles.requireRegular(Files.writeString(dir.resolve("f"), "abc")));
    }
}
