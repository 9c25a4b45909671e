/** The JSON shapes of the Cyprus API the app reads (see the server's openapi.json). */

export interface ServerInfo { name: string; version: string; setupRequired: boolean }

export interface User {
  id: number; username: string; role: 'admin' | 'user' | 'guest'; active: boolean; canDownload: boolean;
  libraries: 'all' | number[]; createdAt: number;
}

export interface DeviceSession {
  id: string; name: string; kind: string; createdAt: number; lastUsedAt: number; lastAddress: string;
  active: boolean; current: boolean;
}

export interface Library { id: number; name: string; folders?: string[]; bookCount: number }

export interface SeriesRef { name: string; sequence: string | null }

export interface BookSummary {
  id: string; libraryId: number; title: string; subtitle: string | null; authors: string[]; narrators: string[];
  series: SeriesRef[]; durationSeconds: number; coverUrl: string | null; addedAt: number; missing: boolean;
}

export interface Chapter { title: string; startSeconds: number; endSeconds: number }

export interface AudioPart {
  id: string; name: string; mimeType: string; sizeBytes: number; durationSeconds: number; startSeconds: number;
  problem: { code: string; message: string } | null;
}

export interface Book extends BookSummary {
  genres: string[]; year: number | null; publisher: string | null; language: string | null;
  description: string | null; asin: string | null; isbn: string | null; chapters: Chapter[]; files: AudioPart[];
  updatedAt: number; warnings: string[];
}

export interface Page<T> { items: T[]; nextCursor: string | null }

export interface Facet { id: number; name: string; bookCount: number }

export interface ScanStatus {
  running: boolean; scope: string | null; foldersFound: number; foldersDone: number; filesProbed: number;
  lastReport: { added: number; updated: number; unchanged: number; missing: number; folders: number } | null;
}

/** Where a listener stands in a book (the sync API's book position). */
export interface BookPosition {
  bookId: string; positionSec: number; version: number; deviceId: string | null; deviceName: string | null;
  activityAt: number | null; finished: boolean; finishedAt: number | null; finishCount: number;
}

export interface DevicePosition {
  deviceId: string; deviceName: string; positionSec: number; state: 'playing' | 'paused' | 'finished' | string;
  lastListenedAt: number; speed: number;
}

export interface Bookmark {
  id: string; bookId: string; positionSec: number; title: string; note: string | null; createdAt: number;
  updatedAt: number; deleted: boolean; version: number;
}

export interface Stats {
  days: number; listenedSec: number; listenedSecByDay: Record<string, number>;
  listenedSecByBook: Record<string, number>; booksFinished: number; streakDays: number;
}

export interface ListeningSession {
  id: string; deviceId: string; deviceName: string; bookId: string; startPositionSec: number; endPositionSec: number;
  startedAt: number; endedAt: number; listenedSec: number; speed: number; open: boolean;
}
