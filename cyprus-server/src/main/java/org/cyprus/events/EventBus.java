package org.cyprus.events;

import java.util.function.Consumer;

/**
 * Carries events between the parts of a server (scan progress, books added, later listening positions) to whoever
 * listens. In-process today; the seam lets several nodes share events later through the database.
 */
public interface EventBus {

    void publish(Object event);

    /** Calls {@code listener} with every later event of {@code type}; closing the subscription stops it. */
    <T> Subscription subscribe(Class<T> type, Consumer<? super T> listener);

    /** A registration that can be cancelled. */
    interface Subscription extends AutoCloseable {
        @Override
        void close();
    }
}
