/**
 * The in-process launcher against the launcher contract kit, plus its errors and the config its
 * objectives read.
 */
package dev.osprey.launchers.inprocess;
