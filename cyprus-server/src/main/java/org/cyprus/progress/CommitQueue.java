package org.cyprus.progress;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Group commit: writers hand their changes to one committing thread, which takes everything that queued while the
 * previous commit was on its way to disk and commits it in one transaction — one disk flush for many acknowledged
 * updates. Submissions are committed in the order they were made; each future completes once its changes are on disk.
 */
public final class CommitQueue implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger("progress");
    /** Most submissions in one transaction: bounds how long the write lock is held. */
    static final int MAX_BATCH = 1024;

    private record Pending(List<ListeningWrite> writes, CompletableFuture<Void> done) {
    }

    private static final Pending STOP = new Pending(List.of(), new CompletableFuture<>());

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Consumer<List<ListeningWrite>> sink;
    private final Thread thread;
    private volatile boolean closed;

    public CommitQueue(Consumer<List<ListeningWrite>> sink) {
        this.sink = sink;
        this.thread = Thread.ofPlatform().name("listening-commit").daemon(true).start(this::run);
    }

    /** Queues {@code writes}; the future completes when they are durable, or fails when the commit failed. */
    public CompletableFuture<Void> submit(List<ListeningWrite> writes) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (writes.isEmpty()) {
            done.complete(null);
            return done;
        }
        if (closed) {
            done.completeExceptionally(new IllegalStateException("the server is stopping"));
            return done;
        }
        queue.add(new Pending(writes, done));
        return done;
    }

    private void run() {
        List<Pending> batch = new ArrayList<>();
        boolean stopping = false;
        while (!stopping) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                continue;
            }
            queue.drainTo(batch, MAX_BATCH - 1);
            stopping = batch.removeIf(p -> p == STOP);
            if (stopping) {
                queue.drainTo(batch);
            }
            commit(batch);
            batch.clear();
        }
    }

    private void commit(List<Pending> batch) {
        if (batch.isEmpty()) {
            return;
        }
        List<ListeningWrite> all = new ArrayList<>();
        batch.forEach(p -> all.addAll(p.writes()));
        try {
            sink.accept(all);
            batch.forEach(p -> p.done().complete(null));
        } catch (RuntimeException e) {
            log.error("Committing {} listening change(s) failed", batch.size(), e);
            batch.forEach(p -> p.done().completeExceptionally(e));
        }
    }

    /** Commits what is queued, then stops. */
    @Override
    public void close() {
        closed = true;
        queue.add(STOP);
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
