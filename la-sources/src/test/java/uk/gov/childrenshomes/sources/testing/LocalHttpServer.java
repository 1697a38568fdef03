package uk.gov.childrenshomes.sources.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/** A real JDK HTTP(S) server on the loopback interface, recording the requests it receives. */
public final class LocalHttpServer implements AutoCloseable {

    /** What the server saw of one request. */
    public record Request(String path, String authorization, String ifNoneMatch, String ifModifiedSince) {
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final String scheme;

    private LocalHttpServer(HttpServer server, String scheme) {
        this.server = server;
        this.scheme = scheme;
        // Handlers that stall must not hold up the others (the default executor is a single thread).
        server.setExecutor(handlers);
        server.start();
    }

    public static LocalHttpServer http() throws IOException {
        return new LocalHttpServer(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), "http");
    }

    public static LocalHttpServer https(SSLContext serverContext) throws IOException {
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext));
        return new LocalHttpServer(server, "https");
    }

    /** Serves {@code path}; the handler is called for every request and sees how many came before (0 first). */
    public LocalHttpServer route(String path, ExchangeHandler handler) {
        AtomicInteger count = new AtomicInteger();
        server.createContext(path, exchange -> {
            requests.add(new Request(exchange.getRequestURI().getPath(),
                    exchange.getRequestHeaders().getFirst("Authorization"),
                    exchange.getRequestHeaders().getFirst("If-None-Match"),
                    exchange.getRequestHeaders().getFirst("If-Modified-Since")));
            try {
                handler.handle(exchange, count.getAndIncrement());
            } finally {
                exchange.close();
            }
        });
        return this;
    }

    public String url(String path) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        handlers.shutdownNow();
    }

    /** Answers one request; {@code previousRequests} lets a test script a sequence (fail twice, then succeed). */
    @FunctionalInterface
    public interface ExchangeHandler {
        void handle(HttpExchange exchange, int previousRequests) throws IOException;
    }
}
