package dev.osprey.studydb;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The connections of a process that only reads an H2 file another Osprey process serves. Each new
 * connection looks again where the file is: through the readers' port of the process that serves
 * it now, or, once none does, the file itself. So a dashboard or {@code osprey watch} outlives the
 * sweep it watched, which closes without waiting for it ({@link StudyFileServer}): the storage
 * retries the call that met the broken connection, and the pool, which checks a connection that
 * has been idle before lending it again, replaces the broken ones through this source.
 */
final class ReaderConnections implements DataSource {

    private final JdbcLocation file;

    ReaderConnections(JdbcLocation file) {
        this.file = file;
    }

    @Override
    public Connection getConnection() throws SQLException {
        Optional<JdbcLocation> served = StudyFileServer.servedLocation(file, true);
        if (served.isPresent()) {
            try {
                return DriverManager.getConnection(served.get().url(), served.get().driverProperties());
            } catch (SQLException e) {
                // its server has stopped (the address file goes a moment later): the file may be free
            }
        }
        return DriverManager.getConnection(file.url(), file.driverProperties());
    }

    @Override
    public Connection getConnection(String user, String password) throws SQLException {
        return getConnection();
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {
        // the driver manager's writer is used
    }

    @Override
    public void setLoginTimeout(int seconds) {
        // the pool's connection timeout bounds the wait
    }

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException("no parent logger");
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("ReaderConnections wraps no " + type.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
