/** Tests of the dashboard: plot files, and the pages in headless Chromium. */
package dev.osprey.dashboard;
