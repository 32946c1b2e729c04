/**
 * Where studies and their trials live. {@link Storage} is the SPI, with guarantees that hold under any
 * concurrency: gap-free trial numbers, finished trials that never change, leases renewed by heartbeats
 * and failed when they run out, grid points claimed once; it trades in {@link StudyInfo},
 * {@link StudySummary} and {@link TrialChanges}, the change feed from which a study refreshes its copy
 * of the trials. {@link InMemoryStorage} keeps studies in this process's memory; storages that outlive
 * the process come from a {@link StorageProvider} found through {@link java.util.ServiceLoader}, as the
 * study database ({@code dev.osprey.studydb}, a module of its own) provides one for H2 and PostgreSQL.
 * {@link StudyTransfer} copies studies between storages, and {@link StudyNames} is the naming rule every
 * storage applies. The package depends only on {@link dev.osprey.optimizer.trial} and
 * {@link dev.osprey.optimizer.space} (and the root exception): it knows nothing of samplers, pruners or
 * the {@link dev.osprey.optimizer.Study} class.
 */
package dev.osprey.optimizer.storage;
