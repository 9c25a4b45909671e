package org.cyprus.progress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.cyprus.auth.Principal;

/**
 * The listening pipeline: checks each event's book against the access policy, places it on the server's clock,
 * drops replays by sequence number, applies the {@link ListeningRule}, derives sessions, commits everything durably
 * through the {@link CommitQueue}, and only then answers and pushes the change to the listener's other devices.
 */
public final class Listening {
    /** Most events one request may carry. */
    public static final int MAX_BATCH_EVENTS = 1000;

    private final ListenerStates states;
    private final CommitQueue commits;
    private final SyncHub hub;
    private final ListeningBooks books;
    private final DeviceDirectory devices;
    private final Clock clock;

    public Listening(ListeningStore store, CommitQueue commits, SyncHub hub, ListeningBooks books, DeviceDirectory devices,
                     Clock clock) {
        this.states = new ListenerStates(store);
        this.commits = commits;
        this.hub = hub;
        this.books = books;
        this.devices = devices;
        this.clock = clock;
    }

    /** The result of one event: what the rule decided, where the book stands, and this device's record. */
    public record EventResult(String bookId, ListeningRule.Verdict verdict, Optional<BookPosition> book, String bookDeviceName,
                              Optional<DevicePosition> device, boolean stateChanged) {
    }

    /**
     * Records events of one device, in order. Online events are placed at the server's receive time; events from
     * offline storage ({@code offline}) at their device time mapped through the device's clock offset — measured from
     * {@code deviceNowMs} (the device's clock when it sent the batch) when given, else the last one known.
     */
    public List<EventResult> record(Principal principal, List<ListeningEvent> events, boolean offline, Optional<Long> deviceNowMs) {
        Applied applied = apply(principal, events, offline, deviceNowMs);
        awaitDurable(applied.durable(), applied.userId());
        publish(applied.userId(), applied.deviceId(), applied.results());
        return applied.results();
    }

    /**
     * As {@link #record}, without waiting: the future completes, on {@code then}, once the events are on disk and their
     * changes have been pushed. A device's later events can be decided meanwhile; commits and completions keep order.
     */
    public java.util.concurrent.CompletableFuture<List<EventResult>> recordAsync(Principal principal, List<ListeningEvent> events,
            boolean offline, Optional<Long> deviceNowMs, java.util.concurrent.Executor then) {
        Applied applied = apply(principal, events, offline, deviceNowMs);
        return applied.durable().handleAsync((ok, failure) -> {
            if (failure != null) {
                states.evict(applied.userId());
                throw new CompletionException(failure);
            }
            publish(applied.userId(), applied.deviceId(), applied.results());
            return applied.results();
        }, then);
    }

    private record Applied(long userId, String deviceId, List<EventResult> results, java.util.concurrent.CompletableFuture<Void> durable) {
    }

    private Applied apply(Principal principal, List<ListeningEvent> events, boolean offline, Optional<Long> deviceNowMs) {
        if (events.size() > MAX_BATCH_EVENTS) {
            throw new ProgressException(ProgressException.Kind.TOO_LARGE,
                    "A batch may hold at most " + MAX_BATCH_EVENTS + " events; send the rest in another.");
        }
        List<ListenedBook> known = new ArrayList<>(events.size());
        for (ListeningEvent e : events) {
            known.add(books.readable(principal, e.bookId()));
        }
        long userId = principal.user().id();
        String deviceId = devices.deviceOf(principal);
        UserListening state = states.of(userId);
        List<ListeningWrite> writes = new ArrayList<>();
        List<EventResult> results = new ArrayList<>(events.size());
        java.util.concurrent.CompletableFuture<Void> durable;
        state.lock.lock();
        try {
            long nowMs = clock.millis();
            DeviceClock deviceClock = state.clock(deviceId);
            Optional<Long> offsetMs = deviceNowMs.map(t -> nowMs - t).or(deviceClock::clockOffsetMs);
            long previousMs = Long.MIN_VALUE;
            long lastSeq = deviceClock.lastSeq();
            for (int i = 0; i < events.size(); i++) {
                ListeningEvent event = events.get(i);
                if (event.seq() <= lastSeq) {
                    results.add(current(state, deviceId, event.bookId(), ListeningRule.Verdict.DUPLICATE));
                    continue;
                }
                lastSeq = event.seq();
                long atMs = offline && event.deviceTimeMs().isPresent()
                        ? ClockMapping.place(event.deviceTimeMs().get(), offsetMs.orElse(0L), deviceClock.lastContactAtMs(), nowMs, previousMs)
                        : nowMs;
                previousMs = atMs;
                if (!offline && event.deviceTimeMs().isPresent()) {
                    offsetMs = Optional.of(nowMs - event.deviceTimeMs().get());
                }
                results.add(apply(state, userId, deviceId, event, atMs, known.get(i).durationMs(), writes));
            }
            DeviceClock saved = new DeviceClock(deviceId, lastSeq, nowMs, offsetMs);
            state.clocks.put(deviceId, saved);
            writes.add(new ListeningWrite.DeviceClockSaved(userId, saved));
            writes.add(new ListeningWrite.VersionSaved(userId, state.version));
            durable = commits.submit(writes);
        } finally {
            state.lock.unlock();
        }
        return new Applied(userId, deviceId, results, durable);
    }

    private EventResult apply(UserListening state, long userId, String deviceId, ListeningEvent event, long atMs, long durationMs,
                              List<ListeningWrite> writes) {
        String bookId = event.bookId();
        Optional<DevicePosition> before = state.device(deviceId, bookId);
        ListeningRule.Outcome outcome = ListeningRule.apply(Optional.ofNullable(state.books.get(bookId)), before, deviceId, event,
                atMs, durationMs, state.version + 1);
        String key = UserListening.key(deviceId, bookId);
        List<ListeningSession> sessions = SessionTracker.apply(Optional.ofNullable(state.openSessions.get(key)), before, deviceId,
                event, outcome.device().positionMs(), atMs, () -> java.util.UUID.randomUUID().toString());
        for (ListeningSession s : sessions) {
            if (s.open()) {
                state.openSessions.put(key, s);
            } else {
                state.openSessions.computeIfPresent(key, (k, open) -> open.id().equals(s.id()) ? null : open);
            }
            writes.add(new ListeningWrite.SessionSaved(userId, s));
        }
        state.devices.put(key, outcome.device());
        writes.add(new ListeningWrite.DevicePositionSaved(userId, outcome.device()));
        writes.add(new ListeningWrite.EventLogged(userId, deviceId, event, atMs, outcome.verdict()));
        if (outcome.verdict() == ListeningRule.Verdict.MOVED) {
            BookPosition moved = outcome.book().orElseThrow();
            state.version = moved.version();
            state.books.put(bookId, moved);
            state.discarded.remove(bookId);
            writes.add(new ListeningWrite.BookPositionSaved(userId, moved));
        }
        boolean stateChanged = before.map(d -> d.state() != outcome.device().state()).orElse(true);
        return new EventResult(bookId, outcome.verdict(), outcome.book(),
                outcome.book().map(b -> devices.name(b.deviceId())).orElse(""), Optional.of(outcome.device()), stateChanged);
    }

    private EventResult current(UserListening state, String deviceId, String bookId, ListeningRule.Verdict verdict) {
        Optional<BookPosition> book = Optional.ofNullable(state.books.get(bookId));
        return new EventResult(bookId, verdict, book, book.map(b -> devices.name(b.deviceId())).orElse(""),
                state.device(deviceId, bookId), false);
    }

    private void awaitDurable(java.util.concurrent.CompletableFuture<Void> durable, long userId) {
        try {
            durable.join();
        } catch (CompletionException e) {
            states.evict(userId);
            throw new IllegalStateException("Listening state could not be saved: " + e.getCause().getMessage(), e.getCause());
        }
    }

    private void publish(long userId, String deviceId, List<EventResult> results) {
        Optional<String> except = Optional.of(deviceId);
        String deviceName = devices.name(deviceId);
        java.util.Set<String> movedBooks = new java.util.LinkedHashSet<>();
        EventResult last = null;
        for (EventResult r : results) {
            if (r.verdict() == ListeningRule.Verdict.MOVED) {
                movedBooks.add(r.bookId());
            }
            if (r.stateChanged()) {
                last = r; // presence is news only when a device starts or stops playing
            }
        }
        for (String bookId : movedBooks) {
            EventResult latest = results.reversed().stream().filter(r -> r.bookId().equals(bookId)
                    && r.verdict() == ListeningRule.Verdict.MOVED).findFirst().orElseThrow();
            BookPosition moved = latest.book().orElseThrow();
            if (superseded(userId, moved)) {
                continue;
            }
            hub.publish(userId, new SyncMessage.PositionChanged(moved, latest.bookDeviceName()), except);
        }
        if (last != null && last.device().isPresent()) {
            DevicePosition d = last.device().get();
            hub.publish(userId, new SyncMessage.Presence(deviceId, deviceName, d.bookId(), d.state(), d.positionMs(),
                    d.lastListenedAtMs()), except);
        }
    }

    /**
     * Whether the book has moved on since {@code moved} (a later event of a burst, committed in the same group or the
     * next): that move is pushed once it is on disk, and siblings need only the latest position, not each step.
     */
    private boolean superseded(long userId, BookPosition moved) {
        UserListening state = states.of(userId);
        state.lock.lock();
        try {
            BookPosition now = state.books.get(moved.bookId());
            return now != null && now.version() > moved.version();
        } finally {
            state.lock.unlock();
        }
    }

    /** A book's position for the listener and every device's own record of it. */
    public record BookView(String bookId, Optional<BookPosition> book, String bookDeviceName, List<DevicePosition> devices) {
    }

    public BookView view(Principal principal, String bookId) {
        books.readable(principal, bookId);
        UserListening state = states.of(principal.user().id());
        state.lock.lock();
        try {
            Optional<BookPosition> book = Optional.ofNullable(state.books.get(bookId));
            List<DevicePosition> all = state.devicesOf(bookId).stream()
                    .sorted(Comparator.comparingLong(DevicePosition::lastListenedAtMs).reversed()).toList();
            return new BookView(bookId, book, book.map(b -> devices.name(b.deviceId())).orElse(""), all);
        } finally {
            state.lock.unlock();
        }
    }

    /**
     * The listener's books with a position in readable books: in progress (most recent activity first, finished
     * excluded — the "continue listening" shelf), or finished ones (most recently finished first).
     */
    public List<BookPosition> shelf(Principal principal, boolean finished) {
        UserListening state = states.of(principal.user().id());
        List<BookPosition> all;
        state.lock.lock();
        try {
            all = List.copyOf(state.books.values());
        } finally {
            state.lock.unlock();
        }
        Comparator<BookPosition> order = finished
                ? Comparator.comparing((BookPosition b) -> b.finishedAtMs().orElse(0L)).reversed()
                : Comparator.comparingLong(BookPosition::activityAtMs).reversed();
        return all.stream().filter(b -> finished ? b.finishedAtMs().isPresent() : !b.finished() && b.positionMs() > 0)
                .filter(b -> books.isReadable(principal, b.bookId())).sorted(order).toList();
    }

    /** Forgets the listener's progress in a book (position, device records); history and sessions stay. */
    public long discard(Principal principal, String bookId) {
        books.readable(principal, bookId);
        long userId = principal.user().id();
        UserListening state = states.of(userId);
        java.util.concurrent.CompletableFuture<Void> durable;
        long version;
        state.lock.lock();
        try {
            state.discard(bookId);
            version = ++state.version;
            state.discarded.put(bookId, version);
            durable = commits.submit(List.of(new ListeningWrite.BookDiscarded(userId, bookId), new ListeningWrite.VersionSaved(userId, version)));
        } finally {
            state.lock.unlock();
        }
        awaitDurable(durable, userId);
        hub.publish(userId, new SyncMessage.PositionDiscarded(bookId, version), Optional.of(devices.deviceOf(principal)));
        return version;
    }

    /** The listener's change counter now. */
    public long version(long userId) {
        UserListening state = states.of(userId);
        state.lock.lock();
        try {
            return state.version;
        } finally {
            state.lock.unlock();
        }
    }

    /** What a device that last saw {@code sinceVersion} missed: changes after it, or everything ({@code snapshot}). */
    public record Catchup(long version, boolean snapshot, List<BookPosition> books, List<String> discarded, List<Bookmark> bookmarks) {
    }

    public Catchup since(Principal principal, long sinceVersion) {
        UserListening state = states.of(principal.user().id());
        Catchup c;
        state.lock.lock();
        try {
            boolean snapshot = sinceVersion < state.loadedVersion || sinceVersion > state.version;
            long from = snapshot ? -1 : sinceVersion;
            c = new Catchup(state.version, snapshot,
                    state.books.values().stream().filter(b -> b.version() > from).toList(),
                    state.discarded.entrySet().stream().filter(e -> e.getValue() > from).map(java.util.Map.Entry::getKey).toList(),
                    state.bookmarks.values().stream().filter(b -> b.version() > from).toList());
        } finally {
            state.lock.unlock();
        }
        return new Catchup(c.version(), c.snapshot(), c.books().stream().filter(b -> books.isReadable(principal, b.bookId())).toList(),
                c.discarded(), c.bookmarks().stream().filter(b -> books.isReadable(principal, b.bookId())).toList());
    }

    /** Asks another device of the same listener to pause, resume or seek; false when it is not connected. */
    public boolean control(Principal principal, String targetDeviceId, SyncMessage.Command command, Optional<Long> positionMs) {
        String from = devices.deviceOf(principal);
        return hub.sendTo(principal.user().id(), targetDeviceId,
                new SyncMessage.RemoteControl(from, devices.name(from), command, positionMs));
    }

    ListenerStates states() {
        return states;
    }

    CommitQueue commits() {
        return commits;
    }
}
