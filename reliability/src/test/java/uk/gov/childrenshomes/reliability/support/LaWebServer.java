package uk.gov.childrenshomes.reliability.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An LA's web portal on localhost (plain HTTP, which la-sources accepts for localhost only), serving each path the
 * way a test tells it to, well or badly, and counting the requests each path received.
 */
public final class LaWebServer implements AutoCloseable {

    /** What the portal does with one request. */
    @FunctionalInterface
    public interface Behaviour {
        void respond(HttpExchange exchange) throws IOException;
    }

    private final HttpServer server;
    private final Map<String, AtomicInteger> requests = new ConcurrentHashMap<>();

    public LaWebServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // A stalled response must not hold up the others.
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    public LaWebServer serve(String path, Behaviour behaviour) {
        requests.put(path, new AtomicInteger());
        server.createContext(path, exchange -> {
            requests.get(path).incrementAndGet();
            try (exchange) {
                behaviour.respond(exchange);
            }
        });
        return this;
    }

    /** Responds 200 with {@code body} and the given header (e.g. Content-Disposition, a checksum). */
    public static Behaviour file(byte[] body, String headerName, String headerValue) {
        return exchange -> {
            exchange.getResponseHeaders().add(headerName, headerValue);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        };
    }

    public String url(String path) {
        return "http://localhost:" + server.getAddress().getPort() + path;
    }

    public int requests(String path) {
        return requests.get(path).get();
    }

    /**
     * The requests a path received once the count has settled: a request the client sent (and may already have given
     * up on) is counted only when the server's dispatcher hands it to the handler, which on a busy machine can come
     * after the client process has exited. Waits up to ten seconds for the count to stay put for one second.
     */
    public int settledRequests(String path) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(10).toNanos();
        int seen = requests(path);
        long stableSince = System.nanoTime();
        while (System.nanoTime() < deadline && System.nanoTime() - stableSince < java.time.Duration.ofSeconds(1).toNanos()) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            int now = requests(path);
            if (now != seen) {
                seen = now;
                stableSince = System.nanoTime();
            }
        }
        return seen;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
