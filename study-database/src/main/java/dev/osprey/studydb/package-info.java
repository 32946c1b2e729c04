/**
 * The study database: a {@link dev.osprey.optimizer.storage.Storage} in an embedded H2 file, on an H2
 * server or in PostgreSQL, reached through JDBC, its schema kept up to date by the Flyway migrations
 * under {@code db/migration}. It plugs into the optimizer through {@link JdbcStorages}, the
 * {@link dev.osprey.optimizer.storage.StorageProvider} that
 * {@link dev.osprey.optimizer.Storages#open(String)} finds through {@link java.util.ServiceLoader}, so
 * users open a database by location and never name its classes; the other public entry points are
 * {@link H2Server} (made by {@link H2ServerBuilder}), which serves one database to workers in several
 * processes, and {@link StudyExport}, a study's trials as CSV or JSON. The rest is package-private:
 * {@code JdbcStorage} runs every call as one transaction, retried after conflicts and broken connections
 * ({@code Transactions}), and a write to a trial locks the trial's row first and the study's row last
 * ({@code Rows}), which keeps trial numbers gap-free, finished trials unchanged and the change feed
 * exact under any number of workers; on PostgreSQL the common writes are single statements
 * ({@code PostgresWrites}). Of Osprey's modules it depends on the optimizer alone; the sweeper and the
 * command line reach it through the storage SPI, and the command line also uses {@link H2Server} and
 * {@link StudyExport} for {@code osprey server} and {@code osprey export}.
 */
package dev.osprey.studydb;
