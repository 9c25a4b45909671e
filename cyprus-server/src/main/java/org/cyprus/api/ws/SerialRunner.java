package org.cyprus.api.ws;

import java.util.ArrayDeque;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one connection's tasks one at a time, in the order they were given, without a thread of its own: a virtual
 * thread that gives a task to an idle runner (Jetty's, having read the message) runs it, and whatever is given
 * meanwhile, itself. Handing every message to a worker thread cost a wake-up each, and on a virtualised machine a
 * wake-up of a thread on the other processor (an inter-processor interrupt through the hypervisor) costs more CPU than
 * handling the listening event: a ping-pong between two processes pinned to two cores measured 150 µs of CPU per
 * round trip there, against 9 µs on one core.
 *
 * <p>A platform thread (the committing thread completing an answer) never runs tasks: they may wait, and answers run
 * on it would hold up the next commit — it hands them to a new virtual thread.
 */
final class SerialRunner {
    private static final Logger log = LoggerFactory.getLogger("ws");

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<Runnable> queue = new ArrayDeque<>();
    /** Run when the runner has nothing more queued, before it lets go (by the running thread). */
    private final Runnable drained;
    /** Whether a thread is running tasks (under the lock). */
    private boolean running;
    private boolean stopped;
    /** The thread running tasks, while one does. */
    private volatile Thread runner;

    SerialRunner(Runnable drained) {
        this.drained = drained;
    }

    /** Runs {@code work} after every task given before it. */
    void run(Runnable work) {
        lock.lock();
        try {
            if (stopped) {
                return;
            }
            queue.add(work);
            if (running) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        if (Thread.currentThread().isVirtual()) {
            drain();
        } else {
            Thread.ofVirtual().name("ws").start(this::drain);
        }
    }

    /** Whether the calling thread is running this runner's tasks. */
    boolean isRunnerThread() {
        return runner == Thread.currentThread();
    }

    /** Drops what is queued and takes nothing more. */
    void stop() {
        lock.lock();
        try {
            stopped = true;
            queue.clear();
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        runner = Thread.currentThread();
        boolean calledDrained = false;
        while (true) {
            Runnable next;
            lock.lock();
            try {
                next = queue.poll();
                if (next == null && calledDrained) {
                    running = false;
                    runner = null;
                    return;
                }
            } finally {
                lock.unlock();
            }
            if (next == null) {
                try {
                    drained.run();
                } catch (RuntimeException e) {
                    log.warn("Writing a WebSocket's gathered frames failed", e);
                }
                calledDrained = true;
                continue;
            }
            calledDrained = false;
            try {
                next.run();
            } catch (RuntimeException e) {
                log.error("A WebSocket task failed", e);
            }
        }
    }
}
