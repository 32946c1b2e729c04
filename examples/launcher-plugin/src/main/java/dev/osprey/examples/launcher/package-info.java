/**
 * An Osprey launcher written outside Osprey, as a plugin: {@code osprey/launcher=nice} runs each
 * job's program at a lower CPU priority on another launcher of programs. It uses only the public
 * API of {@code osprey-launchers}, is registered through {@link java.util.ServiceLoader}, and its
 * test runs the launcher contract kit published in that module's test-jar.
 */
package dev.osprey.examples.launcher;
