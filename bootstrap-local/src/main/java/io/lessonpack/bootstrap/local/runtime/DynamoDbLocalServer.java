package io.lessonpack.bootstrap.local.runtime;

import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * DynamoDB Local (the Maven Central artifact) running inside this JVM as a real HTTP server on a
 * free loopback port: the SDK talks to it over HTTP exactly as it talks to DynamoDB, with no Docker
 * and no network beyond loopback. In memory by default; with a data folder, tables survive the run.
 */
public final class DynamoDbLocalServer implements AutoCloseable {

    private final DynamoDBProxyServer server;
    private final URI endpoint;

    private DynamoDbLocalServer(DynamoDBProxyServer server, URI endpoint) {
        this.server = server;
        this.endpoint = endpoint;
    }

    /**
     * Starts a server, in memory when {@code dataFolder} is null, else persisting to that folder
     * (created when missing).
     */
    public static DynamoDbLocalServer start(Path dataFolder) {
        int port = freePort();
        List<String> args = new ArrayList<>(List.of("-port", String.valueOf(port), "-disableTelemetry"));
        if (dataFolder != null) {
            try {
                Files.createDirectories(dataFolder);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the DynamoDB Local data folder " + dataFolder, e);
            }
            args.addAll(List.of("-sharedDb", "-dbPath", dataFolder.toAbsolutePath().toString()));
        } else {
            args.addAll(List.of("-inMemory", "-sharedDb"));
        }
        // DynamoDB Local prints its configuration banner on standard output; the demo's output is
        // for lessons, so the banner is kept out of it.
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
        try {
            DynamoDBProxyServer server = ServerRunner.createServerFromCommandLineArgs(args.toArray(String[]::new));
            server.start();
            return new DynamoDbLocalServer(server, URI.create("http://127.0.0.1:" + port));
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")"), e);
        } finally {
            System.setOut(stdout);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free loopback port for DynamoDB Local", e);
        }
    }

    /** The server's HTTP endpoint on loopback. */
    public URI endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            // Stopping at exit: nothing left to save; the in-memory data goes with the JVM anyway.
        }
    }
}
