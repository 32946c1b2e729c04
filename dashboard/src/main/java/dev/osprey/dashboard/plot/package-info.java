/**
 * The plots of a study, as data: each plot's definition (which trials, which axes, which points)
 * follows Optuna's {@code optuna.visualization} and is computed once, here, into a {@link
 * dev.osprey.dashboard.plot.Chart}. The web page draws the same chart with ECharts and the file
 * renderer draws it as SVG or PNG, so the two never disagree.
 */
package dev.osprey.dashboard.plot;
