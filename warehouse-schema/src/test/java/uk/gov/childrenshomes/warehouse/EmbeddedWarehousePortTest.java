package uk.gov.childrenshomes.warehouse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two homes on one machine do not fight over a port: each records the one it took when it was first used; the psql
 * password file follows the port the server last started on.
 */
class EmbeddedWarehousePortTest {

    @TempDir
    Path homes;

    @Test
    void aNewHomeTakesAnotherPortWhenTheDefaultIsTakenAndKeepsIt() throws IOException {
        try (ServerSocket defaultTaken = takeDefaultIfFree()) {
            int port = EmbeddedWarehouseServer.portOf(homes.resolve("second"));

            assertNotEquals(EmbeddedWarehouseServer.DEFAULT_PORT, port);
            assertEquals(port + "\n", Files.readString(homes.resolve("second/port")));
            assertEquals(port, EmbeddedWarehouseServer.portOf(homes.resolve("second")), "the home keeps its port");
        }
    }

    @Test
    void aHomeWhoseServerWasCreatedBeforePortsWereRecordedKeepsTheDefault() throws IOException {
        Path home = homes.resolve("older");
        Files.createDirectories(home.resolve("data"));
        Files.writeString(home.resolve("data/PG_VERSION"), "17\n");
        try (ServerSocket defaultTaken = takeDefaultIfFree()) {
            assertEquals(EmbeddedWarehouseServer.DEFAULT_PORT, EmbeddedWarehouseServer.portOf(home),
                    "its own server may be the one holding the default port");
        }
    }

    @Test
    void aRecordedPortIsUsedAsItIs() throws IOException {
        Path home = Files.createDirectories(homes.resolve("chosen"));
        Files.writeString(home.resolve("port"), "54400\n");
        assertEquals(54400, EmbeddedWarehouseServer.portOf(home));
    }

    @Test
    void thePasswordFileNamesThePortTheServerWasLastStartedOn() throws IOException {
        Path home = homes.resolve("moved");
        int first = freePort();
        EmbeddedWarehouseServer server = EmbeddedWarehouseServer.persistent(home, first);
        server.start();
        server.stop();
        int second = freePort();
        EmbeddedWarehouseServer moved = EmbeddedWarehouseServer.persistent(home, second);
        try {
            moved.start();
            assertTrue(Files.readString(moved.pgpassFile()).startsWith("localhost:" + second + ":*:"),
                    "psql with the file finds the server where it runs now");
        } finally {
            moved.stop();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Holds the default port for the test (unless something on the machine already does). */
    private static ServerSocket takeDefaultIfFree() throws IOException {
        try {
            return new ServerSocket(EmbeddedWarehouseServer.DEFAULT_PORT, 1, InetAddress.getLoopbackAddress());
        } catch (IOException alreadyTaken) {
            return new ServerSocket(0);
        }
    }
}
