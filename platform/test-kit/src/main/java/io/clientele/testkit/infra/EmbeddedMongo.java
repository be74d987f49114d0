package io.clientele.testkit.infra;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * An in-process server speaking the MongoDB wire protocol (mongo-java-server), the stand-in where no
 * MongoDB can be installed. It supports CRUD, indexes, sorts, simple aggregation and findAndModify.
 */
public final class EmbeddedMongo implements AutoCloseable {

    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedMongo(MongoServer server, InetSocketAddress address) {
        this.server = server;
        this.address = address;
    }

    /** @param port the port to listen on, or 0 for any free one */
    public static EmbeddedMongo start(int port) {
        MongoServer server = new MongoServer(new MemoryBackend());
        server.bind("127.0.0.1", port);
        return new EmbeddedMongo(server, server.getLocalAddress());
    }

    public String connectionString() {
        return "mongodb://" + address.getHostString() + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
