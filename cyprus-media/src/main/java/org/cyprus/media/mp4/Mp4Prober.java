package org.cyprus.media.mp4;

import java.io.IOException;
import java.util.Set;
import org.cyprus.media.MediaException;
import org.cyprus.media.MediaInfo;
import org.cyprus.media.io.ByteSource;

/**
 * Reads MP4, M4A and M4B files (ISO/IEC 14496-12 and -14, with the QuickTime and iTunes extensions audiobooks
 * use): the audio track's codec and exact sample table, iTunes tags and cover, Nero and QuickTime chapters.
 */
public final class Mp4Prober {
    /** Box types a file may plausibly start with when it has no {@code ftyp} (old QuickTime and odd muxers). */
    private static final Set<Integer> PLAUSIBLE_FIRST_BOXES = Set.of(BoxType.MOOV, BoxType.MDAT, BoxType.FREE,
            BoxType.SKIP, BoxType.WIDE, BoxType.PNOT);

    private Mp4Prober() {
    }

    /** Probes an MP4/M4A/M4B: returns a complete MediaInfo (format MP4) or throws MediaException. */
    public static MediaInfo probe(ByteSource source) throws IOException, MediaException {
        return Mp4Probe.run(source).mediaInfo();
    }

    /** True if the first bytes look like an ISO BMFF file (ftyp, or a plausible moov/mdat/free/skip/wide first box). */
    public static boolean looksLikeMp4(ByteSource source) throws IOException {
        if (source.size() < 8) {
            return false;
        }
        byte[] head = new byte[8];
        try {
            source.readFully(0, head, 0, 8);
        } catch (MediaException e) {
            return false;
        }
        long size = (head[0] & 0xFFL) << 24 | (head[1] & 0xFFL) << 16 | (head[2] & 0xFFL) << 8 | (head[3] & 0xFFL);
        int type = (head[4] & 0xFF) << 24 | (head[5] & 0xFF) << 16 | (head[6] & 0xFF) << 8 | (head[7] & 0xFF);
        boolean sizePlausible = size == 0 || size == 1 || size >= 8;
        return sizePlausible && (type == BoxType.FTYP || PLAUSIBLE_FIRST_BOXES.contains(type));
    }

    /** The chosen audio track with its full sample table, for exact seeking and segmenting. */
    public static Mp4AudioTrack audioTrack(ByteSource source) throws IOException, MediaException {
        return Mp4Probe.run(source).audioTrack();
    }
}
