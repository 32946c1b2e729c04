package dev.osprey.studydb;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Keeps the prepared statements of each connection to an H2 server for reuse. H2's network client
 * sends every {@code prepareStatement} to the server and waits for its answer, so preparing costs
 * as much as running; PostgreSQL's driver keeps its own cache and embedded H2 has no network, so
 * only H2 servers need this. The work sees a connection whose {@code prepareStatement} hands out the
 * statement prepared before for the same SQL, and whose statements' {@code close} only clears their
 * parameters. Statements are prepared on the pool's physical connection and closed with it; the
 * entries of closed connections are dropped.
 */
final class StatementCache {

    private final Map<Connection, Map<String, PreparedStatement>> byConnection = new IdentityHashMap<>();

    /** The connection to hand to the work: {@code pooled}, preparing through this cache. */
    Connection wrap(Connection pooled) throws SQLException {
        Connection physical = pooled.unwrap(Connection.class);
        Map<String, PreparedStatement> statements = statementsOf(physical);
        return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement") && cacheable(args)) {
                        return reusable(statements, physical, args);
                    }
                    return invoke(method, pooled, args);
                });
    }

    private synchronized Map<String, PreparedStatement> statementsOf(Connection physical) throws SQLException {
        byConnection.keySet().removeIf(StatementCache::isClosed); // a connection the pool has let go
        Map<String, PreparedStatement> statements = byConnection.get(physical);
        if (statements == null) {
            statements = new HashMap<>(); // used by the one thread that holds the connection
            byConnection.put(physical, statements);
        }
        return statements;
    }

    private static boolean isClosed(Connection connection) {
        try {
            return connection.isClosed();
        } catch (SQLException e) {
            return true;
        }
    }

    /** {@code prepareStatement(sql)} and {@code prepareStatement(sql, String[] keys)} are cached. */
    private static boolean cacheable(Object[] args) {
        return args.length == 1 && args[0] instanceof String
                || args.length == 2 && args[0] instanceof String && args[1] instanceof String[];
    }

    private static PreparedStatement reusable(Map<String, PreparedStatement> statements, Connection physical,
                                              Object[] args) throws SQLException {
        String key = args.length == 1 ? (String) args[0] : args[0] + "\u0000" + Arrays.toString((String[]) args[1]);
        PreparedStatement statement = statements.get(key);
        if (statement == null || statement.isClosed()) {
            statement = args.length == 1 ? physical.prepareStatement((String) args[0])
                    : physical.prepareStatement((String) args[0], (String[]) args[1]);
            statements.put(key, statement);
        }
        PreparedStatement prepared = statement;
        return (PreparedStatement) Proxy.newProxyInstance(PreparedStatement.class.getClassLoader(),
                new Class<?>[] {PreparedStatement.class}, (proxy, method, methodArgs) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        prepared.clearParameters();
                        prepared.clearBatch();
                        return null;
                    }
                    return invoke(method, prepared, methodArgs);
                });
    }

    private static Object invoke(Method method, Object target, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}
