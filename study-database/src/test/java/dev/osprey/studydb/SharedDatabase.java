package dev.osprey.studydb;

import dev.osprey.optimizer.storage.Storage;
import dev.osprey.optimizer.Storages;

import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

/**
 * A study database as the worker processes of a test see it: a location, and the credentials
 * they get through the environment (none for an H2 file).
 */
record SharedDatabase(String kind, String url, String user, String password) {

    static final String USER_ENV = Storages.USER_ENV;
    static final String PASSWORD_ENV = Storages.PASSWORD_ENV;

    static SharedDatabase of(H2Server server, String password) {
        return new SharedDatabase("H2 server", server.url(), server.user(), password);
    }

    static SharedDatabase of(PostgresTestDatabase database) {
        Properties credentials = database.credentials();
        return new SharedDatabase("PostgreSQL", database.url(), credentials.getProperty("user"),
                credentials.getProperty("password"));
    }

    /** An embedded H2 file, which one process at a time opens. */
    static SharedDatabase h2File(String path) {
        return new SharedDatabase("H2 file", path, null, null);
    }

    /** The variables a worker gets: {@value #USER_ENV} and {@value #PASSWORD_ENV}, when there are credentials. */
    Map<String, String> workerEnvironment() {
        Map<String, String> env = new HashMap<>();
        if (user != null) {
            env.put(USER_ENV, user);
        }
        if (password != null) {
            env.put(PASSWORD_ENV, password);
        }
        return env;
    }

    /** Opens the database in this process. */
    Storage open() {
        Properties credentials = new Properties();
        workerEnvironment().forEach((key, value) -> credentials.setProperty(
                key.equals(USER_ENV) ? "user" : "password", value));
        return Storages.open(url, credentials);
    }

    @Override
    public String toString() {
        return kind; // never the password
    }
}
