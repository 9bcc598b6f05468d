package kz.graph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;

/**
 * Runs Neo4j 5.26 Community embedded, with Bolt on 127.0.0.1 only and auth off, for the app and its tests.
 * Owns the process lifecycle: one "ready" line on stdout, clean shutdown on SIGTERM/SIGINT and on stdin EOF
 * (the parent died), and a pid file that tells a live owner of the store apart from a stale crash.
 *
 * Usage: java -Xmx768m -cp 'target/classes:target/lib/*' kz.graph.neo4j.Launcher
 *          --data-dir DIR --bolt-port PORT [--pagecache 512m] [--tx-memory 256m] [--tx-timeout 30s]
 *          [--plugins DIR] [--no-stdin-watch]
 */
public final class Launcher {
    private static final String READY = "NEO4J_LAUNCHER_READY";

    private Launcher() {}

    public static void main(String[] argv) throws Exception {
        Map<String, String> args = parseArgs(argv);
        Path dataDir = Path.of(require(args, "data-dir")).toAbsolutePath();
        int boltPort = Integer.parseInt(require(args, "bolt-port"));
        long pageCache = parseBytes(args.getOrDefault("pagecache", "512m"));
        long txMemory = parseBytes(args.getOrDefault("tx-memory", "256m"));
        Duration txTimeout = parseDuration(args.getOrDefault("tx-timeout", "60s"));

        Files.createDirectories(dataDir);
        Path pidFile = dataDir.resolve("launcher.pid");
        claimPidFile(pidFile);

        if (isPortTaken(boltPort)) {
            fail("Bolt port " + boltPort + " on 127.0.0.1 is already in use. Choose another with NEO4J_BOLT_PORT.");
        }

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", boltPort))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", boltPort))
                // Bolt's defaults wait 5 s for its thread pool and 5 s for connections at shutdown; a local
                // launcher has nobody to wait for, and `npm start` must stop within 15 s.
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, false)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCache)
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, txMemory * 2)
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, txMemory)
                .setConfig(GraphDatabaseSettings.transaction_timeout, txTimeout);
        String plugins = args.get("plugins");
        if (plugins != null) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath());
            builder.setConfig(GraphDatabaseSettings.procedure_unrestricted, java.util.List.of("apoc.*"));
        }

        DatabaseManagementService service;
        try {
            service = builder.build();
        } catch (RuntimeException e) {
            Files.deleteIfExists(pidFile);
            fail("Neo4j could not open " + dataDir + ": " + rootMessage(e)
                    + "\nIf another Neo4j uses this directory, stop it; if a crash left it damaged, move the directory"
                    + " away (it is the DATA_DIR of the app) and start again to reload the seed.");
            return;
        }

        AtomicBoolean stopped = new AtomicBoolean(false);
        Runnable stop = () -> {
            if (stopped.compareAndSet(false, true)) {
                System.out.println("NEO4J_LAUNCHER_STOPPING");
                System.out.flush();
                try {
                    service.shutdown();
                } finally {
                    try {
                        Files.deleteIfExists(pidFile);
                    } catch (IOException ignored) {
                        // Nothing more can be done while the JVM exits.
                    }
                }
                System.out.println("NEO4J_LAUNCHER_STOPPED");
                System.out.flush();
            }
        };
        Runtime.getRuntime().addShutdownHook(new Thread(stop, "neo4j-shutdown"));

        GraphDatabaseService db = service.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(Duration.ofMinutes(2).toMillis())) {
            fail("Neo4j database did not become available within 2 minutes.");
        }
        waitForBolt(boltPort, Duration.ofSeconds(60));
        System.out.println(READY + " bolt://127.0.0.1:" + boltPort + " pid=" + ProcessHandle.current().pid());
        System.out.flush();

        if (!args.containsKey("no-stdin-watch")) {
            // The parent holds our stdin open: EOF means it is gone, so no orphan JVM keeps the store lock.
            Thread watcher = new Thread(() -> {
                try (InputStream in = System.in) {
                    byte[] buffer = new byte[256];
                    while (in.read(buffer) >= 0) {
                        // Input is ignored; only its end matters.
                    }
                } catch (IOException ignored) {
                    // Treat a broken stdin like EOF.
                }
                System.exit(0);
            }, "parent-watch");
            watcher.setDaemon(true);
            watcher.start();
        }
        Thread.currentThread().join();
    }

    /** Refuse to share the store with a live launcher; a pid file left by a crash is stale and removed. */
    private static void claimPidFile(Path pidFile) throws IOException {
        if (Files.exists(pidFile)) {
            String text = Files.readString(pidFile, StandardCharsets.UTF_8).trim();
            try {
                long pid = Long.parseLong(text);
                Optional<ProcessHandle> owner = ProcessHandle.of(pid);
                if (owner.isPresent() && owner.get().isAlive() && pid != ProcessHandle.current().pid()) {
                    fail("Another Neo4j launcher (pid " + pid + ") is using " + pidFile.getParent()
                            + ". Stop it (kill " + pid + ") or use another DATA_DIR.");
                }
            } catch (NumberFormatException ignored) {
                // An unreadable pid file is treated as stale.
            }
            System.out.println("NEO4J_LAUNCHER_RECOVERING stale pid file from an earlier crash; Neo4j recovers the store.");
        }
        Files.writeString(pidFile, Long.toString(ProcessHandle.current().pid()), StandardCharsets.UTF_8);
    }

    private static void waitForBolt(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (isPortTaken(port)) {
                return;
            }
            Thread.sleep(100);
        }
        fail("Bolt did not accept connections on 127.0.0.1:" + port + " within " + limit.toSeconds() + " s.");
    }

    private static boolean isPortTaken(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static Map<String, String> parseArgs(String[] argv) {
        Map<String, String> out = new HashMap<>();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            if (!a.startsWith("--")) {
                fail("Unexpected argument: " + a);
            }
            String key = a.substring(2);
            if (key.startsWith("no-")) {
                out.put(key, "true");
            } else if (i + 1 < argv.length) {
                out.put(key, argv[++i]);
            } else {
                fail("Missing value for --" + key);
            }
        }
        return out;
    }

    private static String require(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null || v.isBlank()) {
            fail("Missing required argument --" + key);
        }
        return v;
    }

    static long parseBytes(String text) {
        String t = text.trim().toLowerCase();
        long unit = 1;
        if (t.endsWith("g")) {
            unit = 1024L * 1024 * 1024;
        } else if (t.endsWith("m")) {
            unit = 1024L * 1024;
        } else if (t.endsWith("k")) {
            unit = 1024L;
        }
        String digits = unit == 1 ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * unit;
    }

    static Duration parseDuration(String text) {
        String t = text.trim().toLowerCase();
        if (t.endsWith("ms")) {
            return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2)));
        }
        if (t.endsWith("s")) {
            return Duration.ofSeconds(Long.parseLong(t.substring(0, t.length() - 1)));
        }
        return Duration.ofSeconds(Long.parseLong(t));
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(String message) {
        System.err.println("NEO4J_LAUNCHER_ERROR " + message);
        System.err.flush();
        Runtime.getRuntime().halt(2);
    }
}
