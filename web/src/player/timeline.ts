import type { AudioPart, Book, Chapter } from '../api/types';

/** A book's timeline: which audio part and which chapter hold a second of the book. */
export class Timeline {
  readonly parts: AudioPart[];
  readonly chapters: Chapter[];
  readonly durationSec: number;

  constructor(book: Book) {
    this.parts = book.files.filter((f) => f.problem === null || f.durationSeconds > 0);
    this.durationSec = book.durationSeconds;
    this.chapters = book.chapters.length > 0 ? book.chapters : [{ title: book.title, startSeconds: 0, endSeconds: book.durationSeconds }];
  }

  partIndexAt(bookSec: number): number {
    for (let i = this.parts.length - 1; i >= 0; i--) {
      if (bookSec >= this.parts[i].startSeconds) return i;
    }
    return 0;
  }

  chapterIndexAt(bookSec: number): number {
    for (let i = this.chapters.length - 1; i >= 0; i--) {
      if (bookSec >= this.chapters[i].startSeconds - 0.01) return i;
    }
    return 0;
  }

  clamp(bookSec: number): number {
    return Math.min(Math.max(0, bookSec), this.durationSec);
  }
}
