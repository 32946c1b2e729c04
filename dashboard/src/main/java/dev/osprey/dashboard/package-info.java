/**
 * The dashboard: a live web view of a study database ({@link dev.osprey.dashboard.Dashboard}) and a
 * study's plots written to PNG or SVG files ({@link dev.osprey.dashboard.Plots}). Both draw the
 * same plot data ({@link dev.osprey.dashboard.plot}); the pages chart it with Apache ECharts,
 * served from its webjar, so the dashboard needs no internet.
 */
package dev.osprey.dashboard;
