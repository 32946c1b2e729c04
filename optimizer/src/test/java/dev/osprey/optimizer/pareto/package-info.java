/** Tests of the Pareto-front measures. */
package dev.osprey.optimizer.pareto;
