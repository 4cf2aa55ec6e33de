package dev.nn.app;

import dev.nn.core.layer.Dense;
import dev.nn.core.model.Model;
import dev.nn.core.model.ModelIO;

import java.io.IOException;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

/** Compares the weights of two model files bit for bit. */
final class Weights {

    private Weights() {
    }

    static void assertSame(Path a, Path b) throws IOException {
        Model x = ModelIO.load(a);
        Model y = ModelIO.load(b);
        for (int i = 0; i < x.network().layers().size(); i++) {
            Dense p = x.network().layers().get(i);
            Dense q = y.network().layers().get(i);
            assertArrayEquals(p.weights(), q.weights(), "layer " + (i + 1) + " weights");
            assertArrayEquals(p.bias(), q.bias(), "layer " + (i + 1) + " bias");
        }
    }
}
