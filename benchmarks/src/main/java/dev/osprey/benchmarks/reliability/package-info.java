/**
 * The reliability suite, {@code benchmarks/bench reliability}: faults injected into Osprey run as a
 * user runs it, the real {@code osprey} command line in real processes, on an H2 file, an H2 server
 * and PostgreSQL. Each scenario ({@link Scenario}) injects one kind of fault, then audits the study
 * database and the job directories ({@link StudyAudit}): no trial left RUNNING, the budget held
 * exactly, no completed result lost, no grid point run twice, no job directory told twice.
 * {@link ReliabilitySuite} runs them all and renders the report that {@code Bench} writes.
 */
package dev.osprey.benchmarks.reliability;
