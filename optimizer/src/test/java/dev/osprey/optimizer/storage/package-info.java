/**
 * The storage contract kit, published in the optimizer's test-jar, and the in-memory storage's test.
 * {@link StorageContract} holds the checks every {@link dev.osprey.optimizer.storage.Storage} must pass;
 * a storage's test class extends it and implements {@code newStorage()}, and then also runs the checks
 * of {@link TrialStorageContract} (trial life cycle, immutability, change feed, stale trials),
 * {@link ConcurrentStorageContract} (the guarantees under many workers at once) and
 * {@link StudyManagementContract} (summaries, copied trials, deletion, transfer), which share
 * {@link StorageFixture}. The study database's tests run the kit on H2 files, H2 in memory, H2 servers
 * and PostgreSQL.
 */
package dev.osprey.optimizer.storage;
