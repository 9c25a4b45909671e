package org.cyprus.api.http;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Objects;
import org.cyprus.auth.AccessPolicy;
import org.cyprus.auth.Accounts;
import org.cyprus.auth.ApiKeys;
import org.cyprus.auth.AuthStore;
import org.cyprus.auth.Credentials;
import org.cyprus.auth.MediaCapabilities;
import org.cyprus.auth.SignIn;
import org.cyprus.library.LibraryService;
import org.cyprus.library.catalog.Catalog;
import org.cyprus.library.cover.CoverStore;
import org.cyprus.library.media.MediaFiles;
import org.cyprus.library.media.RecentMediaFiles;
import org.cyprus.stream.BookStreams;
import org.cyprus.library.upload.Uploads;
import org.cyprus.stream.FileMappings;
import org.cyprus.progress.Bookmarks;
import org.cyprus.progress.DeviceDirectory;
import org.cyprus.progress.Listening;
import org.cyprus.progress.ListeningStats;
import org.cyprus.progress.SyncHub;
import org.cyprus.system.ServerStatus;

/** The domain services the HTTP API calls, handed over by the composition root. */
public record ApiServices(ServerStatus status, LibraryService libraries, Catalog catalog, CoverStore covers,
                          ScanStatusBoard scans, Uploads uploads, Path uploadArea, Auth auth, Media media, Sync sync, Clock clock) {
    public ApiServices {
        Objects.requireNonNull(status);
        Objects.requireNonNull(libraries);
        Objects.requireNonNull(catalog);
        Objects.requireNonNull(covers);
        Objects.requireNonNull(scans);
        Objects.requireNonNull(uploads);
        Objects.requireNonNull(uploadArea);
        Objects.requireNonNull(auth);
        Objects.requireNonNull(media);
        Objects.requireNonNull(sync);
        Objects.requireNonNull(clock);
    }

    /** Listening positions, bookmarks, history and the fan-out to connected devices. */
    public record Sync(Listening listening, Bookmarks bookmarks, ListeningStats stats, DeviceDirectory devices, SyncHub hub) {
        public Sync {
            Objects.requireNonNull(listening);
            Objects.requireNonNull(bookmarks);
            Objects.requireNonNull(stats);
            Objects.requireNonNull(devices);
            Objects.requireNonNull(hub);
        }
    }

    /** What serving audio rests on: where the files are, the mappings their bytes are sent from, and book streams. */
    public record Media(RecentMediaFiles files, FileMappings mappings, BookStreams streams) {
        public Media {
            Objects.requireNonNull(files);
            Objects.requireNonNull(mappings);
            Objects.requireNonNull(streams);
        }
    }

    /** The account and credential services. */
    public record Auth(Accounts accounts, SignIn signIn, Credentials credentials, ApiKeys apiKeys,
                       MediaCapabilities capabilities, AccessPolicy policy, AuthStore store) {
    }
}
