package dev.nn.app.commands;

import dev.nn.app.cli.ModelArgument;
import dev.nn.app.cli.DataOptions;
import dev.nn.app.cli.SimdOption;
import dev.nn.app.serve.DigitServer;
import dev.nn.core.data.Dataset;
import dev.nn.core.model.Model;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code nn serve}: a local web page to draw digits and watch a trained network think, or train one live. */
@Command(name = "serve", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = {"Serve a web page where you draw a digit and see, as you draw, the 28×28 input, every"
                + " layer's activations, the ten probabilities and the answer; play against the network; see"
                + " the first layer's weights; or train a network in the page and watch it learn, live (MNIST,"
                + " or 2-D data as the TensorFlow Playground shows it). Works offline; stop with Ctrl-C.",
                "Listens on the loopback address only, unless --host says otherwise: the page has no login, so"
                        + " do not expose it to a network you do not trust."},
        footerHeading = "%nExamples:%n",
        footer = {"  # model.json on http://127.0.0.1:8080/",
                "  ./nn serve",
                "  ./nn serve m128.json --port 9000"})
public final class ServeCommand implements Callable<Integer> {

    @Mixin
    ModelArgument modelArgument;

    @Option(names = "--port", paramLabel = "N", defaultValue = "8080", description = "The port (0: any free one).")
    int port;

    @Option(names = "--host", paramLabel = "ADDRESS", defaultValue = "127.0.0.1",
            description = "The address to listen on; anything but loopback is unsafe (no login, no TLS).")
    String host;


    @Mixin
    DataOptions data;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed for the random test images.")
    long seed;

    @Mixin
    SimdOption simd;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        simd.apply();
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("--port must be from 0 to 65535, got " + port);
        }
        Path model = modelArgument.path();
        Model loaded = modelArgument.load();
        Dataset test = data.testSetFor(model, loaded, spec.commandLine().getErr());
        DigitServer server;
        try {
            server = DigitServer.start(loaded, test, host, port, seed, data.dir());
        } catch (BindException e) {
            throw new IllegalArgumentException("--port " + port + ": cannot listen on " + host + " ("
                    + e.getMessage() + "); try another port, or --port 0 for any free one");
        }
        PrintWriter out = spec.commandLine().getOut();
        if (!server.loopback()) {
            PrintWriter err = spec.commandLine().getErr();
            err.printf("warning: --host %s is reachable from other machines; the page has no login and no"
                    + " encryption, so anyone who can reach this address can use it%n", host);
            err.flush();
        }
        out.printf("serving %s on http://%s:%d/ (Ctrl-C to stop)%n", model, host, server.port());
        out.flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.stop();
            stopped.countDown();
        }));
        stopped.await();
        return 0;
    }
}
