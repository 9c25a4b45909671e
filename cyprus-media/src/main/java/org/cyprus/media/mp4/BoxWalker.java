package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.cyprus.media.MediaError;
import org.cyprus.media.MediaException;
import org.cyprus.media.io.ByteSource;

/**
 * Reads box headers (ISO/IEC 14496-12 §4.2) within a range: the file's top level or a parent's content. Sizes are
 * checked against the enclosing range before anything trusts them: {@code size == 1} announces a 64-bit
 * {@code largesize}, {@code size == 0} a box that runs to the end of its parent (or of the file), and a child
 * must lie inside its parent. A top-level box that runs past the end of the file (a cut-off {@code mdat}) is
 * kept, clamped and flagged {@link Box#truncated()}, with a warning; inside a complete parent the same thing is
 * corruption. Nothing here recurses: callers descend through the boxes they understand, so the depth of the
 * walk is fixed by the code, and a limit on the number of headers read bounds the work on any input.
 */
final class BoxWalker {
    /** Most box headers read for one file; generous for a fragmented 100-hour book. */
    static final int MAX_BOXES = 2_000_000;

    private final ByteSource source;
    private final Warnings warnings;
    private final byte[] header = new byte[16];
    private int boxesRead;

    BoxWalker(ByteSource source, Warnings warnings) {
        this.source = source;
        this.warnings = warnings;
    }

    ByteSource source() {
        return source;
    }

    Warnings warnings() {
        return warnings;
    }

    /** How a walk treats a box whose size is impossible or runs past its parent. */
    private enum Damage {
        /** Corrupt: the caller cannot do without what follows. */
        FAIL,
        /** Keep the boxes before it, warn, skip the rest (the top level, and containers of optional parts). */
        SKIP_REST
    }

    /** The boxes at the top level of the file; junk after the first box ends the walk with a warning. */
    List<Box> topLevel() throws IOException, MediaException {
        return walk(0, source.size(), true, true, Damage.SKIP_REST);
    }

    /** The child boxes of {@code parent}, starting right after its header; damage among them is corruption. */
    List<Box> children(Box parent) throws IOException, MediaException {
        return children(parent, 0);
    }

    /** The child boxes of {@code parent}, starting {@code skipBytes} into its content (past fixed fields). */
    List<Box> children(Box parent, long skipBytes) throws IOException, MediaException {
        return children(parent, skipBytes, Damage.FAIL);
    }

    /**
     * The child boxes of {@code parent} up to the first damaged one: what precedes it is kept and the rest skipped
     * with a warning, for containers whose later children are optional ({@code moov}, {@code udta}, {@code ilst}).
     */
    List<Box> childrenUpToDamage(Box parent, long skipBytes) throws IOException, MediaException {
        return children(parent, skipBytes, Damage.SKIP_REST);
    }

    private List<Box> children(Box parent, long skipBytes, Damage damage) throws IOException, MediaException {
        if (skipBytes < 0 || skipBytes > parent.contentBytes()) {
            throw new MediaException(parent.truncated() ? MediaError.TRUNCATED : MediaError.CORRUPT,
                    parent.name() + " at offset " + parent.offset() + " is too short for its fixed fields");
        }
        return walk(parent.contentOffset() + skipBytes, parent.end(), false, parent.truncated(), damage);
    }

    /** The first child of {@code parent} of the given type. */
    Optional<Box> child(Box parent, int type) throws IOException, MediaException {
        return first(children(parent), type);
    }

    static Optional<Box> first(List<Box> boxes, int type) {
        for (Box box : boxes) {
            if (box.type() == type) {
                return Optional.of(box);
            }
        }
        return Optional.empty();
    }

    private List<Box> walk(long start, long end, boolean topLevel, boolean mayBeTruncated, Damage damage)
            throws IOException, MediaException {
        List<Box> boxes = new ArrayList<>();
        long position = start;
        while (position < end) {
            long remaining = end - position;
            if (remaining < 8) {
                trailingBytes(position, (int) remaining, topLevel);
                break;
            }
            if (++boxesRead > MAX_BOXES) {
                throw new MediaException(MediaError.CORRUPT, "more than " + MAX_BOXES + " boxes");
            }
            int headerBytes = (int) Math.min(remaining, header.length);
            source.readFully(position, header, 0, headerBytes);
            long size = readU32(0);
            int type = (int) readU32(4);
            int headerSize = 8;
            if (size == 1) {
                if (remaining < 16) {
                    if (topLevel || mayBeTruncated) {
                        warnings.add("the file ends inside the header of a box at offset " + position);
                        break;
                    }
                    damaged(boxes, "the 64-bit size of a box at offset " + position + " runs past its parent", damage);
                    break;
                }
                size = readU32(8) << 32 | readU32(12);
                headerSize = 16;
            } else if (size == 0) {
                size = remaining;
            }
            if (type == BoxType.UUID) {
                headerSize += 16;
            }
            if (size < headerSize) {
                damaged(boxes, "box " + BoxType.name(type) + " at offset " + position + " has an impossible size "
                        + size, damage);
                break;
            }
            if (size > remaining) {
                if (!(topLevel || mayBeTruncated)) {
                    damaged(boxes, "box " + BoxType.name(type) + " at offset " + position + " declares " + size
                            + " bytes but its parent holds only " + remaining, damage);
                    break;
                }
                if (topLevel) {
                    // Said once, for the top-level box; the boxes cut off inside it are clamped silently.
                    warnings.add("box " + BoxType.name(type) + " at offset " + position + " declares " + size
                            + " bytes but only " + remaining + " are there: the file is truncated");
                }
                if (headerSize > remaining) {
                    break;
                }
                boxes.add(new Box(type, position, remaining, headerSize, true));
                break;
            }
            boxes.add(new Box(type, position, size, headerSize, false));
            position += size;
        }
        return boxes;
    }

    /** Ends a walk at a damaged box: with a warning when {@code damage} allows and something came before, else corrupt. */
    private void damaged(List<Box> before, String problem, Damage damage) throws MediaException {
        if (damage == Damage.SKIP_REST && !before.isEmpty()) {
            warnings.add(problem + "; skipped from there on");
            return;
        }
        throw new MediaException(MediaError.CORRUPT, problem);
    }

    private void trailingBytes(long position, int count, boolean topLevel) throws IOException, MediaException {
        source.readFully(position, header, 0, count);
        for (int i = 0; i < count; i++) {
            if (header[i] != 0) {
                warnings.add(count + " stray bytes at offset " + position + (topLevel ? " after the last box" : "")
                        + " ignored");
                return;
            }
        }
        // A few zero bytes closing a container are QuickTime's terminator: nothing to report.
    }

    private long readU32(int at) {
        return (header[at] & 0xFFL) << 24 | (header[at + 1] & 0xFFL) << 16 | (header[at + 2] & 0xFFL) << 8
                | (header[at + 3] & 0xFFL);
    }
}
