/**
 * Plumbing shared by the optimizer's samplers: {@link Rngs} derives a random generator from (study seed,
 * trial number, purpose), so that a trial's draws depend on nothing else and a seeded study proposes the
 * same trials at any parallelism and across resumes. The built-in samplers (random, grid and TPE) draw
 * all their randomness from it. {@link UnitScale} maps a numeric distribution onto {@code [0, 1]}, for
 * CMA-ES and QMC. {@link Feasibility} is Deb's constrained domination and {@link NonDominatedSort}
 * the one non-dominated sort (with constraints, and stopping early), shared by NSGA-II, NSGA-III,
 * TPE and the study's Pareto front.
 *
 * <p>Not part of the API: an internal package, public only so that {@link dev.osprey.optimizer.sampler}
 * and {@link dev.osprey.optimizer.sampler.tpe} can use it; nothing outside the optimizer module may
 * depend on it.
 */
package dev.osprey.optimizer.internal;
