package dev.nn.app.cli;

import dev.nn.core.train.Trainer;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Ctrl-C during training: a shutdown hook asks the trainer to stop after the batch in progress and holds the
 * JVM open (up to a minute) until the command has saved its checkpoint and called {@link #done()}.
 */
public final class Interruption {

    private final CountDownLatch saved = new CountDownLatch(1);
    private final Thread hook;

    private Interruption(Trainer trainer) {
        hook = new Thread(() -> {
            trainer.requestStop();
            try {
                saved.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "nn-interrupt");
    }

    /** Installs the hook for a training run. */
    public static Interruption install(Trainer trainer) {
        Interruption interruption = new Interruption(trainer);
        Runtime.getRuntime().addShutdownHook(interruption.hook);
        return interruption;
    }

    /** The run is over and its files are saved: the JVM may exit, and the hook is removed if it has not run. */
    public void done() {
        saved.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running: it returns now that the latch is open
        }
    }
}
