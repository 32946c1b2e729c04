/**
 * The pruner contract kit, published in the optimizer's test-jar, and the pruners' tests.
 * {@link PrunerContract} holds the checks every {@link dev.osprey.optimizer.pruner.Pruner} must pass,
 * played on {@link ScriptedStudy scripted studies}: nothing is pruned before the pruner has what it
 * documents it needs or before a trial has reported; hopeless trials are pruned, NaN reports or not,
 * and a trial ahead of every peer never is; finished trials are never pruned; decisions repeat, mirror
 * under maximisation, ignore parameters, attributes and times, and stay per study. A pruner's test
 * class extends it and implements {@code pruner()}; the test classes here run it for every pruner, add
 * each pruner's own rules on in-memory studies driven through ask/tell, and show the kit failing
 * pruners that break its rules.
 */
package dev.osprey.optimizer.pruner;
