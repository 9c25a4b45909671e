package org.cyprus.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.cyprus.app.CoreServices;
import org.cyprus.events.EventBus;
import org.cyprus.library.Library;
import org.cyprus.library.scan.ScanEvent;
import org.cyprus.library.scan.ScanReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code cyprus scan LIBRARY}: an incremental scan with a progress bar. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = {"Scan a library (by name or id) now: new and changed files are read, unchanged books skipped,",
                "books whose files are gone marked missing. Works while a server runs on the same data."})
final class ScanCommand extends DataCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "LIBRARY", description = "The library's name or id.")
    String library;

    @Option(names = "--path", paramLabel = "FOLDER", description = "Scan only this folder, relative to the library's folder.")
    String path;

    @Override
    public Integer call() {
        try (CoreServices services = open()) {
            Library found = library(services, library);
            return scanWithProgress(services, found, Optional.ofNullable(path), spec.commandLine().getOut(), spec.commandLine().getErr());
        }
    }

    static int scanWithProgress(CoreServices services, Library library, Optional<String> subFolder, PrintWriter out, PrintWriter err) {
        ProgressBar bar = new ProgressBar(err, System.console() != null, "Scanning " + library.name());
        try (EventBus.Subscription subscription = services.events().subscribe(ScanEvent.Progress.class,
                p -> bar.update(p.foldersDone(), p.foldersFound(), p.filesProbed() + " files read"))) {
            ScanReport report = services.libraries().scan(library.id(), subFolder);
            bar.finish();
            out.println("Scanned '" + library.name() + "' in " + report.durationMs() + " ms: " + report.folders() + " books found, "
                    + report.added() + " added, " + report.updated() + " updated, " + report.unchanged() + " unchanged, "
                    + report.missing() + " missing; " + report.filesProbed() + " files read.");
            if (!report.warnings().isEmpty()) {
                out.println(report.warnings().size() + " problem(s):");
                report.warnings().stream().limit(50).forEach(w -> out.println("  " + w));
            }
            out.flush();
            return 0;
        }
    }
}
