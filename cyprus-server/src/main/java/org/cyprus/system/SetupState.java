package org.cyprus.system;

/** Whether this server still needs its first administrator. */
@FunctionalInterface
public interface SetupState {
    boolean setupRequired();
}
