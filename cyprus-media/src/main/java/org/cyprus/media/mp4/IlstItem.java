package org.cyprus.media.mp4;

/**
 * One iTunes metadata item as read from {@code ilst}, for dumps and diagnostics.
 *
 * @param key      the item's code, e.g. {@code ©nam}, or {@code ----:mean:name} for a freeform item
 * @param offset   offset of the item box
 * @param dataType the well-known type of its first {@code data} atom (1 UTF-8, 2 UTF-16, 13 JPEG, 21 integer, ...)
 * @param value    the decoded value, or a description of binary data
 */
record IlstItem(String key, long offset, int dataType, String value) {
}
