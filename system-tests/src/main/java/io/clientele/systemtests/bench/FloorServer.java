package io.clientele.systemtests.bench;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The least an HTTP service can do to answer a search from PostgreSQL: a blocking HTTP/1.1 server on a
 * plain socket, one thread for its one kept-alive connection, no framework, no security, no metrics,
 * that runs the query over one JDBC connection (the service's driver, with the service's planner
 * setting) and writes the rows as JSON by hand. {@code GET /<n>} runs the n-th SQL statement.
 *
 * <p>It answers the question the API-versus-psql ratio raises: how much of the API's extra time any
 * Java HTTP service would pay on this machine (one more client round trip, thread wake-ups, reading
 * the rows and writing them as JSON), against what the framework and the service add on top.
 */
final class FloorServer implements AutoCloseable {

    private final ServerSocket socket;
    private final Connection connection;
    private final List<String> statements;
    private final Thread acceptor;

    private FloorServer(ServerSocket socket, Connection connection, List<String> statements) {
        this.socket = socket;
        this.connection = connection;
        this.statements = statements;
        this.acceptor = Thread.ofPlatform().name("floor-server").daemon().start(this::accept);
    }

    static FloorServer start(String jdbcUrl, List<String> statements) throws IOException, SQLException {
        Connection connection = DriverManager.getConnection(jdbcUrl, "postgres", "");
        try (Statement setup = connection.createStatement()) {
            setup.execute("SET plan_cache_mode = force_custom_plan");
        }
        return new FloorServer(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), connection, statements);
    }

    int port() {
        return socket.getLocalPort();
    }

    private void accept() {
        while (!socket.isClosed()) {
            try (Socket client = socket.accept()) {
                client.setTcpNoDelay(true);
                serve(new BufferedInputStream(client.getInputStream()),
                        new BufferedOutputStream(client.getOutputStream(), 64 * 1024));
            } catch (IOException | SQLException closed) {
                // the client went away or the server is closing: accept the next connection
            }
        }
    }

    private void serve(InputStream in, OutputStream out) throws IOException, SQLException {
        String requestLine;
        while ((requestLine = readHead(in)) != null) {
            String path = requestLine.split(" ")[1];
            byte[] body = json(statements.get(Integer.parseInt(path.substring(1))));
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
        }
    }

    /** Reads one request head and returns its first line, or null at the end of the connection. */
    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int c;
        while ((c = in.read()) != -1) {
            head.append((char) c);
            int n = head.length();
            if (n >= 4 && head.charAt(n - 1) == '\n' && head.charAt(n - 3) == '\n') {
                return head.substring(0, head.indexOf("\r"));
            }
        }
        return null;
    }

    private byte[] json(String sql) throws SQLException {
        StringBuilder json = new StringBuilder(32 * 1024).append("{\"items\":[");
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            ResultSetMetaData columns = rows.getMetaData();
            int count = columns.getColumnCount();
            boolean first = true;
            while (rows.next()) {
                json.append(first ? "{" : ",{");
                first = false;
                for (int i = 1; i <= count; i++) {
                    String value = rows.getString(i);
                    json.append(i == 1 ? "\"" : ",\"").append(columns.getColumnLabel(i)).append("\":");
                    if (value == null) {
                        json.append("null");
                    } else {
                        string(json, value);
                    }
                }
                json.append('}');
            }
        }
        return json.append("]}").toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void string(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append(String.format("\\u%04x", (int) c));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }

    @Override
    public void close() throws IOException, SQLException {
        socket.close();
        connection.close();
        try {
            acceptor.join(5_000);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
