/**
 * Tests of the queued launchers' shared plumbing (the wrapper script decides as
 * {@link dev.osprey.launchers.protocol.ProgramOutcome} does, a queued job with a scripted scheduler,
 * following a log), and {@link RemoteTesting}, which skips tests whose tools are missing, or fails them
 * on CI.
 */
package dev.osprey.launchers.internal;
