/**
 * Draws charts to files without a browser: one painter lays out axes and series on a small canvas
 * interface, which writes SVG text or paints a Java2D image for PNG.
 */
package dev.osprey.dashboard.internal.render;
