package dev.nn.simd.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

/**
 * A fixed team of threads that run the parts of one job at a time: the caller runs part 0, helper threads the
 * others, and {@link #run} returns when all are done. Dispatch allocates nothing: the job is published by a
 * volatile write; helpers spin briefly for it, then wait parked until {@code unpark}. Which part a thread runs is fixed by its
 * index, so the work each part does never depends on scheduling.
 */
final class Workers {

    /** One job: part {@code index} of {@code parts}. */
    interface Job {
        void part(int index, int parts);
    }

    /**
     * How long a helper spins for the next job before it parks: a training step runs its products back to back,
     * and waking a parked thread costs tens of microseconds, as much as a small product.
     */
    static final long SPIN_NANOS = 200_000;

    private final int count;
    private final Thread[] helpers;
    private final AtomicInteger pending = new AtomicInteger();
    private volatile long generation;
    private volatile Throwable failure;
    private Job job;

    /** A team of {@code count} threads: the caller and count − 1 daemon helpers. */
    Workers(int count) {
        this.count = count;
        this.helpers = new Thread[count - 1];
        for (int i = 0; i < helpers.length; i++) {
            int index = i + 1;
            helpers[i] = new Thread(() -> serve(index), "nn-simd-worker-" + index);
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** Threads in the team, the caller included. */
    int count() {
        return count;
    }

    /** Runs every part of {@code task}, part 0 on the calling thread; one job at a time. */
    synchronized void run(Job task) {
        job = task;
        failure = null;
        pending.set(helpers.length);
        generation++;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
        task.part(0, count);
        while (pending.get() != 0) {
            Thread.onSpinWait();
        }
        if (failure != null) {
            throw new IllegalStateException("a kernel worker failed", failure);
        }
    }

    /** Stops the helpers (they are daemons; this only frees them early). */
    void shutdown() {
        for (Thread helper : helpers) {
            helper.interrupt();
        }
    }

    private void serve(int index) {
        long seen = 0;
        while (!Thread.currentThread().isInterrupted()) {
            long spinUntil = System.nanoTime() + SPIN_NANOS;
            while (generation == seen) {
                if (System.nanoTime() < spinUntil) {
                    Thread.onSpinWait();
                    continue;
                }
                LockSupport.park(this);
                if (Thread.currentThread().isInterrupted()) {
                    return;
                }
            }
            seen = generation;
            try {
                job.part(index, count);
            } catch (Throwable t) {
                failure = t;
            } finally {
                pending.decrementAndGet();
            }
        }
    }
}
