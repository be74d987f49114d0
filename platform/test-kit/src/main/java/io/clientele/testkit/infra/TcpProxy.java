package io.clientele.testkit.infra;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder that can cut the network between a client and a server and restore it: while cut,
 * connections are refused and open ones are dropped. Tests use it to make a real broker unreachable
 * (a partition) without stopping it.
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private volatile String target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;

    private TcpProxy(int port) {
        this.port = port;
    }

    /**
     * Listens on {@code 127.0.0.1:port} (0 picks a free one); connections are refused until
     * {@link #forwardTo} names the target.
     */
    public static TcpProxy listen(int port) {
        TcpProxy proxy = new TcpProxy(port);
        proxy.bind(port);
        return proxy;
    }

    /** @param hostAndPort where connections go, as {@code host:port} */
    public TcpProxy forwardTo(String hostAndPort) {
        this.target = hostAndPort;
        return this;
    }

    /** A free port to listen on later. */
    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return server == null ? port : server.getLocalPort();
    }

    /** Refuses new connections and drops open ones. */
    public synchronized void cut() {
        closeQuietly(server);
        server = null;
        open.forEach(TcpProxy::closeQuietly);
        open.clear();
    }

    /** Accepts and forwards connections again, on the same port. */
    public synchronized void restore() {
        if (server == null) {
            bind(port);
        }
    }

    @Override
    public void close() {
        cut();
    }

    private synchronized void bind(int onPort) {
        try {
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), onPort));
            server = socket;
            Thread.ofVirtual().name("tcp-proxy-accept").start(() -> accept(socket));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on port " + onPort, e);
        }
    }

    private void accept(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                String to = target;
                if (to == null) {
                    closeQuietly(client);
                    continue;
                }
                int colon = to.lastIndexOf(':');
                Socket upstream = new Socket(to.substring(0, colon), Integer.parseInt(to.substring(colon + 1)));
                open.add(client);
                open.add(upstream);
                Thread.ofVirtual().start(() -> pump(client, upstream));
                Thread.ofVirtual().start(() -> pump(upstream, client));
            } catch (IOException closedOrRefused) {
                // the proxy was cut, or the target refused: the client sees its connection close
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int read;
            while ((read = in.read(buffer)) >= 0) {
                out.write(buffer, 0, read);
                out.flush();
            }
        } catch (IOException dropped) {
            // one side went away
        } finally {
            closeQuietly(from);
            closeQuietly(to);
            open.remove(from);
            open.remove(to);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable != null) {
            try {
                closeable.close();
            } catch (Exception ignored) {
                // closing is best effort
            }
        }
    }
}
