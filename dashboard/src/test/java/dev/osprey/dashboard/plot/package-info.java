/** Tests of the plots' data against Optuna's definitions. */
package dev.osprey.dashboard.plot;
