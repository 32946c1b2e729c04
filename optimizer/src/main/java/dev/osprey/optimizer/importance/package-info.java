/**
 * How much each parameter matters to a study's objective: {@link ImportanceEvaluator}, with two
 * implementations made by {@link Importances}. fANOVA (Hutter, Hoos and Leyton-Brown, ICML 2014)
 * fits a random forest to the finished trials and splits each tree's variance over the search box
 * into the shares of single parameters; PED-ANOVA (Watanabe, Bansal and Hutter, IJCAI 2023)
 * compares the density of each parameter among the best trials with its density among all of them.
 * Both follow Optuna's evaluators so that rankings agree with Optuna's on the same trials. The
 * forest and the estimators are package-private models; the evaluators only orchestrate them.
 */
package dev.osprey.optimizer.importance;
