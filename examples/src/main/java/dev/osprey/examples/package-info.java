/**
 * Runnable examples, each run end to end by this module's tests. {@link EmbeddedStudy} uses the study
 * API: it creates a study in an H2 file, closes it, re-opens it and continues. {@link TrainClassifier}
 * is a Java {@code train} program whose {@code main} hands its arguments to
 * {@link dev.osprey.cli.Osprey#main}: it trains a small neural network ({@code Network}) on a generated
 * two-moons data set ({@code TwoMoons}), with its config ({@code classifier/train.yaml} on the class
 * path) bound to a record. The command-line walkthrough with a Python script is not Java and lives in
 * {@code examples/training}.
 */
package dev.osprey.examples;
