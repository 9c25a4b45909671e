package org.cyprus.library.upload;

/**
 * How much one upload may hold.
 *
 * @param maxFileBytes  the largest single file
 * @param maxTotalBytes the largest upload in all
 * @param maxFiles      the most files in one upload
 */
public record UploadLimits(long maxFileBytes, long maxTotalBytes, int maxFiles) {
    public static final UploadLimits DEFAULT = new UploadLimits(8L << 30, 32L << 30, 2_000);
}
