package org.cyprus.media.ogg;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Reassembles the packets of one logical stream from its pages (RFC 3533 §5): a packet is the concatenation of
 * segments up to the first lacing value below 255, and may continue across pages. Packets are kept up to a size
 * cap; a longer one is delivered clipped, so that a hostile header packet cannot exhaust memory.
 */
final class OggPacketAssembler {
    /** A reassembled packet. */
    record Packet(byte[] bytes, boolean clipped, long endPageOffset) {
    }

    private final int maxPacketBytes;
    private ByteArrayOutputStream current;
    private boolean clipped;
    private int orphanContinuations;
    private int droppedPackets;

    OggPacketAssembler(int maxPacketBytes) {
        this.maxPacketBytes = maxPacketBytes;
    }

    /** Adds one page of the stream; returns the packets completed on it, in order. */
    List<Packet> add(OggPage page) {
        List<Packet> done = new ArrayList<>(1);
        if (page.continued() && current == null) {
            orphanContinuations++;
        } else if (!page.continued() && current != null) {
            droppedPackets++;
            current = null;
        }
        boolean skipping = page.continued() && current == null;
        int at = 0;
        for (byte value : page.lacing()) {
            int length = value & 0xFF;
            if (!skipping) {
                if (current == null) {
                    current = new ByteArrayOutputStream();
                    clipped = false;
                }
                int room = maxPacketBytes - current.size();
                current.write(page.body(), at, Math.min(room, length));
                clipped |= length > room;
            }
            at += length;
            if (length < 255) {
                if (!skipping) {
                    done.add(new Packet(current.toByteArray(), clipped, page.offset()));
                    current = null;
                }
                skipping = false;
            }
        }
        return done;
    }

    /** Adds a warning when pages did not fit together: a continuation without a start, a packet never finished. */
    void warnAboutGaps(List<String> warnings) {
        if (orphanContinuations + droppedPackets > 0) {
            warnings.add("packets lost between Ogg pages: " + orphanContinuations + " pages continued a missing packet, "
                    + droppedPackets + " packets were never finished");
        }
    }

    /** Whether a packet is still open at the end of the last page added. */
    boolean pending() {
        return current != null;
    }
}
