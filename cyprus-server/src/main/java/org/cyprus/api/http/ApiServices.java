package org.cyprus.api.http;

import java.nio.file.Path;
import java.util.Objects;
import org.cyprus.library.LibraryService;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.cover.CoverStore;
import org.cyprus.library.upload.Uploads;
import org.cyprus.system.ServerStatus;

/** The domain services the HTTP API calls, handed over by the composition root. */
public record ApiServices(ServerStatus status, LibraryService libraries, Catalog catalog, CoverStore covers,
                          ScanStatusBoard scans, Uploads uploads, Path uploadArea) {
    public ApiServices {
        Objects.requireNonNull(status);
        Objects.requireNonNull(libraries);
        Objects.requireNonNull(catalog);
        Objects.requireNonNull(covers);
        Objects.requireNonNull(scans);
        Objects.requireNonNull(uploads);
        Objects.requireNonNull(uploadArea);
    }
}
