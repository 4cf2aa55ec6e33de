package dev.nn.simd;

import dev.nn.simd.internal.Team;

import java.lang.ref.Cleaner;

/**
 * Threads that the caller owns and passes to the kernels that can split their work: the matrix products, Adam's
 * update and the byte-to-float conversions ({@link Kernels} overloads that take a {@code KernelThreads} first).
 * A team of {@code n} is the calling thread plus {@code n − 1} daemon helpers, made once and reused.
 *
 * <p>Results do not depend on the team: a kernel splits its work in a partition fixed by its shape alone, and
 * each part computes the same way on any thread, so 1, 2 or 64 threads give the same bits.
 *
 * <p>Thread-safe: several threads may run kernels on one team at the same time; none waits for another's lock
 * (helpers take parts of every kernel in flight, and each caller works on its own kernel's parts too). To change
 * the thread count, make a new team; {@link #close} the old one at any time: a kernel running on it is finished
 * by its caller, and later calls run on their callers alone. A team that is no longer reachable stops its
 * helpers by itself.
 */
public final class KernelThreads implements AutoCloseable {

    private static final Cleaner CLEANER = Cleaner.create(runnable -> {
        Thread thread = new Thread(runnable, "nn-simd-cleaner");
        thread.setDaemon(true);
        return thread;
    });

    private final Team team;
    private final Cleaner.Cleanable cleanable;

    private KernelThreads(int threads) {
        Team created = new Team(threads, "nn-simd-worker");
        this.team = created;
        this.cleanable = CLEANER.register(this, created::close);
    }

    /** A team of {@code threads} threads (1 to 1024), the caller of each kernel included. */
    public static KernelThreads of(int threads) {
        if (threads < 1 || threads > 1024) {
            throw new IllegalArgumentException("threads must be from 1 to 1024, got " + threads);
        }
        return new KernelThreads(threads);
    }

    /** The thread count: the caller and the helpers. */
    public int count() {
        return team.threads();
    }

    /** Stops the helpers; kernels running on this team finish on their callers, later ones run there alone. */
    @Override
    public void close() {
        cleanable.clean();
    }

    /**
     * Work of the caller's own split into parts, for {@link #run}: made once and reused, so a call allocates
     * nothing. Each part must compute the same whichever thread runs it, and parts must not share what they write.
     */
    public abstract static class Parts {

        private final Team.Task task = new Team.Task() {
            @Override
            protected void part(int index, int parts) {
                Parts.this.part(index, parts);
            }
        };

        /** Computes part {@code index} of {@code parts}. */
        protected abstract void part(int index, int parts);
    }

    /**
     * Runs parts 0..{@code parts}−1 of {@code work} on this team (the caller takes parts too) and returns when all
     * are done; a part's exception is rethrown here.
     */
    public void run(Parts work, int parts) {
        if (parts < 1) {
            throw new IllegalArgumentException("parts must be at least 1, got " + parts);
        }
        team.run(work.task, parts);
    }

    /** The team behind this object, for the kernels. */
    Team team() {
        return team;
    }

    @Override
    public String toString() {
        return "KernelThreads[" + count() + (team.isClosed() ? ", closed]" : "]");
    }
}
