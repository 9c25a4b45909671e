package org.cyprus.store;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.cyprus.progress.ListeningWrite;

/**
 * The writes of one commit with each row's earlier writes dropped: every upsert of {@link ListeningSql} writes the
 * whole row, so within one transaction only a row's last write shows. A device's burst of ticks, committed in one
 * group, then costs one upsert of its position, clock, book and version instead of one each per tick. Logged events
 * are each kept; a discarded book is a barrier, so the rows it deletes are written before it and rewritten after it.
 */
final class ListeningWrites {
    private ListeningWrites() {
    }

    static List<ListeningWrite> coalesced(List<ListeningWrite> writes) {
        List<ListeningWrite> out = new ArrayList<>(writes.size());
        Map<Object, ListeningWrite> rows = new LinkedHashMap<>();
        for (ListeningWrite w : writes) {
            switch (w) {
                case ListeningWrite.BookDiscarded d -> {
                    out.addAll(rows.values());
                    rows.clear();
                    out.add(d);
                }
                case ListeningWrite.EventLogged e -> out.add(e);
                default -> {
                    Object key = key(w);
                    rows.remove(key);
                    rows.put(key, w);
                }
            }
        }
        out.addAll(rows.values());
        return out;
    }

    /** The row a write upserts, by its table's primary key. */
    private static Object key(ListeningWrite w) {
        return switch (w) {
            case ListeningWrite.DeviceClockSaved c -> List.of("clock", c.userId(), c.clock().deviceId());
            case ListeningWrite.DevicePositionSaved d -> List.of("device", d.userId(), d.position().deviceId(), d.position().bookId());
            case ListeningWrite.BookPositionSaved b -> List.of("book", b.userId(), b.position().bookId());
            case ListeningWrite.SessionSaved s -> List.of("session", s.session().id());
            case ListeningWrite.BookmarkSaved b -> List.of("bookmark", b.userId(), b.bookmark().id());
            case ListeningWrite.VersionSaved v -> List.of("version", v.userId());
            case ListeningWrite.EventLogged e -> e;
            case ListeningWrite.BookDiscarded d -> d;
        };
    }
}
