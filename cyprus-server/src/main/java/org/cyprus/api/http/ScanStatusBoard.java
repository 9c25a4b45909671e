package org.cyprus.api.http;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.cyprus.events.EventBus;
import org.cyprus.library.scan.ScanEvent;
import org.cyprus.library.scan.ScanReport;

/** The latest scan state of each library, kept from scan events, for clients that poll. */
public final class ScanStatusBoard {
    private final Map<Long, ScanStatus> statuses = new ConcurrentHashMap<>();

    public ScanStatusBoard(EventBus events) {
        events.subscribe(ScanEvent.class, this::on);
    }

    /**
     * A library's scan state.
     *
     * @param running      whether a scan runs now
     * @param scope        the sub-folder being (or last) scanned, empty for all
     * @param foldersFound book folders found by the running scan
     * @param foldersDone  book folders done
     * @param filesProbed  files read
     * @param lastReport   the last finished scan's report
     * @param completed    how many scans of the library have finished since the server started
     */
    record ScanStatus(boolean running, String scope, int foldersFound, int foldersDone, int filesProbed, ReportDto lastReport,
                      long completed) {
    }

    record ReportDto(String scope, int folders, int added, int updated, int unchanged, int missing, int filesProbed,
                     long durationMs, List<String> warnings) {
        static ReportDto of(ScanReport r) {
            return new ReportDto(r.scope(), r.folders(), r.added(), r.updated(), r.unchanged(), r.missing(), r.filesProbed(),
                    r.durationMs(), r.warnings().stream().limit(200).toList());
        }
    }

    private void on(ScanEvent event) {
        statuses.compute(event.libraryId(), (id, old) -> {
            ScanStatus s = old == null ? new ScanStatus(false, "", 0, 0, 0, null, 0) : old;
            return switch (event) {
                case ScanEvent.Started started -> new ScanStatus(true, started.scope(), 0, 0, 0, s.lastReport(), s.completed());
                case ScanEvent.Progress p -> new ScanStatus(true, s.scope(), p.foldersFound(), p.foldersDone(), p.filesProbed(),
                        s.lastReport(), s.completed());
                case ScanEvent.Finished f -> new ScanStatus(false, s.scope(), f.report().folders(), f.report().folders(),
                        f.report().filesProbed(), ReportDto.of(f.report()), s.completed() + 1);
                case ScanEvent.BookChanged changed -> s;
            };
        });
    }

    ScanStatus status(long libraryId) {
        return statuses.getOrDefault(libraryId, new ScanStatus(false, "", 0, 0, 0, null, 0));
    }
}
