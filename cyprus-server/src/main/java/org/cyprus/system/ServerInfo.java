package org.cyprus.system;

/**
 * What the server tells anyone who asks before signing in.
 *
 * @param name          the server's display name
 * @param version       the Cyprus version
 * @param setupRequired true until the first administrator exists
 */
public record ServerInfo(String name, String version, boolean setupRequired) {
}
