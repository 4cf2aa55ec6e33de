package dev.nn.simd;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The compiled module descriptor exports the facade only, and needs the Vector API only optionally. */
class ModuleInfoTest {

    @Test
    void onlyTheFacadeIsExported() throws IOException, URISyntaxException {
        Path classes = Path.of(Kernels.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            ModuleDescriptor module = ModuleDescriptor.read(in);
            assertEquals("dev.nn.simd", module.name());
            assertEquals(Set.of("dev.nn.simd"),
                    module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()));
            assertTrue(module.requires().stream().anyMatch(r -> r.name().equals("jdk.incubator.vector")
                    && r.modifiers().contains(ModuleDescriptor.Requires.Modifier.STATIC)));
        }
    }
}
