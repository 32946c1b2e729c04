/**
 * Tests of the study database: the storage contract on H2 files, H2 in memory, H2 servers and PostgreSQL
 * (skipped without a configured server, except on CI), locations and credentials, failures to open,
 * migrations, write paths, exports, and worker processes, some killed mid-write, sharing one study.
 */
package dev.osprey.studydb;
