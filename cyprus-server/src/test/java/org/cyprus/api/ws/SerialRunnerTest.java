package org.cyprus.api.ws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SerialRunnerTest {
    @Test
    void anIdleRunnerRunsTheTaskOnTheCallingThreadAndThenReportsItDrained() throws Exception {
        List<String> seen = new ArrayList<>();
        SerialRunner runner = new SerialRunner(() -> seen.add("drained"));
        Thread caller = Thread.ofVirtual().start(() -> runner.run(() -> seen.add("ran on caller " + runner.isRunnerThread())));
        caller.join();
        assertEquals(List.of("ran on caller true", "drained"), seen);
        assertFalse(runner.isRunnerThread());
    }

    @Test
    void tasksGivenFromManyThreadsRunOneAtATimeInTheOrderGiven() throws Exception {
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger overlaps = new AtomicInteger();
        List<Integer> order = java.util.Collections.synchronizedList(new ArrayList<>());
        SerialRunner runner = new SerialRunner(() -> { });
        Object giving = new Object();
        int[] next = {0};
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            boolean platform = t % 2 == 0;
            Runnable give = () -> {
                for (int i = 0; i < 500; i++) {
                    synchronized (giving) { // numbers given in order, whichever thread gives them
                        int n = next[0]++;
                        runner.run(() -> {
                            if (inside.incrementAndGet() != 1) {
                                overlaps.incrementAndGet();
                            }
                            order.add(n);
                            inside.decrementAndGet();
                        });
                    }
                }
            };
            threads.add(platform ? Thread.ofPlatform().start(give) : Thread.ofVirtual().start(give));
        }
        for (Thread t : threads) {
            t.join();
        }
        CountDownLatch done = new CountDownLatch(1);
        runner.run(done::countDown);
        assertTrue(done.await(10, TimeUnit.SECONDS));
        assertEquals(0, overlaps.get());
        assertEquals(4000, order.size());
        for (int i = 0; i < order.size(); i++) {
            assertEquals(i, order.get(i));
        }
    }

    @Test
    void aPlatformThreadHandsTheTaskToAVirtualThreadAndDoesNotWaitForIt() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch ran = new CountDownLatch(1);
        Thread[] ranOn = new Thread[1];
        SerialRunner runner = new SerialRunner(() -> { });
        Thread platform = Thread.ofPlatform().start(() -> runner.run(() -> {
            ranOn[0] = Thread.currentThread();
            awaitQuietly(release);
            ran.countDown();
        }));
        platform.join(10_000);
        assertFalse(platform.isAlive()); // gave the task and left while it still waits
        release.countDown();
        assertTrue(ran.await(10, TimeUnit.SECONDS));
        assertTrue(ranOn[0].isVirtual());
    }

    @Test
    void whileAThreadRunsTasksAnotherThreadsTaskIsQueuedBehindAndRunByIt() throws Exception {
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread[] ranOn = new Thread[2];
        SerialRunner runner = new SerialRunner(() -> { });
        Thread a = Thread.ofVirtual().start(() -> runner.run(() -> {
            ranOn[0] = Thread.currentThread();
            first.countDown();
            awaitQuietly(release);
        }));
        assertTrue(first.await(10, TimeUnit.SECONDS));
        Thread b = Thread.ofVirtual().start(() -> runner.run(() -> ranOn[1] = Thread.currentThread()));
        b.join(); // gave its task and left without running it
        assertNull(ranOn[1]);
        release.countDown();
        a.join();
        assertSame(a, ranOn[0]);
        assertSame(a, ranOn[1]);
    }

    @Test
    void aStoppedRunnerDropsWhatIsQueuedAndTakesNothingMore() throws Exception {
        AtomicInteger ran = new AtomicInteger();
        SerialRunner runner = new SerialRunner(() -> { });
        runner.stop();
        Thread.ofVirtual().start(() -> runner.run(ran::incrementAndGet)).join();
        assertEquals(0, ran.get());
    }

    @Test
    void aFailingTaskDoesNotStopTheOnesAfterIt() throws Exception {
        List<String> seen = new ArrayList<>();
        SerialRunner runner = new SerialRunner(() -> seen.add("drained"));
        Thread.ofVirtual().start(() -> {
            runner.run(() -> {
                throw new IllegalStateException("boom");
            });
            runner.run(() -> seen.add("after"));
        }).join();
        assertEquals(List.of("drained", "after", "drained"), seen);
    }

    /** Waits for {@code latch} inside a task, which may not throw the checked exception. */
    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
