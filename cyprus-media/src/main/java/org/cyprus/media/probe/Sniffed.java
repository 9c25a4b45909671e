package org.cyprus.media.probe;

import org.cyprus.media.ContainerFormat;

/**
 * What the first bytes of a file say it is.
 *
 * @param format       the container
 * @param contentStart where the container's own bytes begin (after any leading ID3v2 tags)
 * @param prober       the prober for it
 */
record Sniffed(ContainerFormat format, long contentStart, FormatProber prober) {
}
