/**
 * Keeps the command-line pages of docs/ true: {@link CliDocsTest} runs their tested command examples and
 * checks the output they show.
 */
package dev.osprey.cli.docs;
