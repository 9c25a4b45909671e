package org.cyprus.events;

import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** An {@link EventBus} within one process: listeners are called on the publishing thread, in subscription order. */
public final class LocalEventBus implements EventBus {
    private static final Logger log = LoggerFactory.getLogger("events");

    private final CopyOnWriteArrayList<Registration<?>> registrations = new CopyOnWriteArrayList<>();

    private record Registration<T>(Class<T> type, Consumer<? super T> listener) {
        void offer(Object event) {
            if (type.isInstance(event)) {
                listener.accept(type.cast(event));
            }
        }
    }

    @Override
    public void publish(Object event) {
        for (Registration<?> r : registrations) {
            try {
                r.offer(event);
            } catch (RuntimeException e) {
                log.warn("A listener failed on {}", event.getClass().getSimpleName(), e);
            }
        }
    }

    @Override
    public <T> Subscription subscribe(Class<T> type, Consumer<? super T> listener) {
        Registration<T> registration = new Registration<>(type, listener);
        registrations.add(registration);
        return () -> registrations.remove(registration);
    }
}
