package dev.nn.simd.internal;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.locks.LockSupport;

/**
 * Helper threads that run the parts of {@link Task}s: a parallel-for over a fixed partition. The caller of
 * {@link #run} publishes its task, then takes parts itself, one at a time, until none is left, while idle
 * helpers take parts too; it returns when every part is done. Which thread runs a part never changes what the
 * part computes, so results do not depend on the thread count or on timing.
 *
 * <p>Safe to share: several threads may run tasks on one team at once, each task in its own slot, none waiting
 * for another's lock; with every slot taken a task simply runs on its caller. Safe to close at any time: helpers
 * finish the part in hand and stop, and a task whose helpers stopped is finished by its caller, so closing
 * never leaves a task waiting. Dispatch allocates nothing.
 */
public final class Team {

    /**
     * Work split into parts, reused from call to call. A subclass holds the operands, set before {@link #run};
     * {@link #part} computes one part from them.
     */
    public abstract static class Task {
        private final AtomicInteger next = new AtomicInteger();
        private final AtomicInteger finished = new AtomicInteger();
        /** Helpers that hold this task right now: its caller waits for none before the task may be reused. */
        private final AtomicInteger visitors = new AtomicInteger();
        private volatile int parts;
        private volatile Throwable failure;

        /** Computes part {@code index} of {@code parts}. */
        protected abstract void part(int index, int parts);

        /** Takes parts until none is left; true when it ran any. */
        private boolean work() {
            boolean ran = false;
            for (int i = next.getAndIncrement(), n = parts; i < n; i = next.getAndIncrement()) {
                try {
                    part(i, n);
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    finished.incrementAndGet();
                }
                ran = true;
            }
            return ran;
        }
    }

    /** Tasks that may run on one team at the same time; more run on their callers alone. */
    static final int SLOTS = 16;
    /**
     * How long an idle helper looks for work before it parks: a training step runs its products back to back,
     * and waking a parked thread costs tens of microseconds, as much as a small product.
     */
    static final long SPIN_NANOS = 200_000;

    private final AtomicReferenceArray<Task> slots = new AtomicReferenceArray<>(SLOTS);
    private final Thread[] helpers;
    private volatile boolean closed;

    /** A team of {@code threads} threads: the caller of each task and {@code threads − 1} daemon helpers. */
    public Team(int threads, String name) {
        helpers = new Thread[threads - 1];
        for (int i = 0; i < helpers.length; i++) {
            helpers[i] = new Thread(this::serve, name + "-" + (i + 1));
            helpers[i].setDaemon(true);
            helpers[i].start();
        }
    }

    /** Threads that run a task: the caller and the helpers. */
    public int threads() {
        return helpers.length + 1;
    }

    /** Runs parts 0..parts−1 of {@code task} and returns when all are done; rethrows a part's failure. */
    public void run(Task task, int parts) {
        task.failure = null;
        task.finished.set(0);
        task.parts = parts;
        task.next.set(0);
        int slot = parts > 1 && !closed ? publish(task) : -1;
        if (slot >= 0) {
            for (Thread helper : helpers) {
                LockSupport.unpark(helper);
            }
        }
        task.work();
        if (slot >= 0) {
            slots.set(slot, null);
            while (task.finished.get() < parts || task.visitors.get() != 0) {
                Thread.onSpinWait();
            }
        }
        Throwable failure = task.failure;
        if (failure != null) {
            task.failure = null;
            if (failure instanceof RuntimeException e) {
                throw e;
            }
            if (failure instanceof Error e) {
                throw e;
            }
            throw new IllegalStateException("a kernel part failed", failure);
        }
    }

    /** Stops the helpers once each has finished the part in hand; tasks still running finish on their callers. */
    public void close() {
        closed = true;
        for (Thread helper : helpers) {
            LockSupport.unpark(helper);
        }
    }

    /** Whether {@link #close} was called. */
    public boolean isClosed() {
        return closed;
    }

    private int publish(Task task) {
        for (int s = 0; s < SLOTS; s++) {
            if (slots.get(s) == null && slots.compareAndSet(s, null, task)) {
                return s;
            }
        }
        return -1;
    }

    private void serve() {
        while (!closed) {
            if (!helpOnce()) {
                idle();
            }
        }
    }

    /** One pass over the slots, taking parts of every task found; true when it ran any. */
    private boolean helpOnce() {
        boolean ran = false;
        for (int s = 0; s < SLOTS; s++) {
            Task task = slots.get(s);
            if (task == null) {
                continue;
            }
            task.visitors.incrementAndGet();
            try {
                if (slots.get(s) == task) { // still published: its operands are the ones its parts are for
                    ran |= task.work();
                }
            } finally {
                task.visitors.decrementAndGet();
            }
        }
        return ran;
    }

    /** Spins a while for a task to appear, then parks until a caller or {@link #close} unparks it. */
    private void idle() {
        long until = System.nanoTime() + SPIN_NANOS;
        while (!closed && !published()) {
            if (System.nanoTime() < until) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this);
                return;
            }
        }
    }

    private boolean published() {
        for (int s = 0; s < SLOTS; s++) {
            if (slots.get(s) != null) {
                return true;
            }
        }
        return false;
    }
}
