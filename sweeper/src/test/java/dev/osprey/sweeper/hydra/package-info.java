/** Tests of running unchanged Hydra apps: app detection, trial commands, hydra-optuna-sweeper settings. */
package dev.osprey.sweeper.hydra;
