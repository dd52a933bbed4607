package org.opencpm.it;

import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A second WildFly with the EAR, started as an operator would (bin/standalone.sh, deployment scanner) in a base
 * directory of its own, on free ports shifted by a socket-binding offset so it can run beside the Arquillian
 * server; it can be killed with SIGKILL and started again on the same data.
 */
final class StandaloneServer implements AutoCloseable {

    /** WildFly sockets before the offset: http, https, management http/https, transaction recovery and status. */
    private static final int[] WILDFLY_PORTS = {8080, 8443, 9990, 9993, 4712, 4713};

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base;
    private final int offset;
    private final int sipPort;
    private final int msrpPort;
    private final Map<String, String> properties;
    private Process process;

    /** With the message store off. */
    StandaloneServer(String name) throws IOException {
        this(name, Map.of("opencpm.cms.enabled", "false"));
    }

    /** With these {@code -D} properties (e.g. the message store's ports and administrator password). */
    StandaloneServer(String name, Map<String, String> properties) throws IOException {
        this.properties = Map.copyOf(properties);
        base = Path.of(System.getProperty("it.server.base")).resolveSibling(name + "-base");
        deleteTree(base);
        copyTree(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("it.ear")), base.resolve("deployments/opencpm.ear"),
                StandardCopyOption.REPLACE_EXISTING);
        offset = freeOffset();
        sipPort = freeSipPort();
        msrpPort = freeTcpPort();
    }

    int httpPort() {
        return 8080 + offset;
    }

    int sipPort() {
        return sipPort;
    }

    /** Starts the server and waits until the EAR answers its health check with SIP listening. */
    void start() throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Dopencpm.sip.port=" + sipPort, "-Dopencpm.msrp.port=" + msrpPort,
                "-Dopencpm.domain=" + TestServer.DOMAIN));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        pb.environment().put("JAVA_OPTS", "-Xms128m -Xmx768m -Djava.net.preferIPv4Stack=true");
        process = pb.start();
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("WildFly exited; see " + base.resolve("console.log"));
            }
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + httpPort() + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && r.body().contains("UDP")) {
                    return;
                }
            } catch (IOException notYet) {
                // still booting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("WildFly did not come up in 240 s; see " + base.resolve("console.log"));
    }

    /** kill -9 of the server JVM: no shutdown hook, no flush, no goodbye. */
    void kill9() throws Exception {
        ProcessHandle jvm = jvm();
        Process kill = new ProcessBuilder("kill", "-9", Long.toString(jvm.pid())).inheritIO().start();
        if (kill.waitFor() != 0) {
            throw new IllegalStateException("kill -9 " + jvm.pid() + " failed");
        }
        jvm.onExit().get(60, TimeUnit.SECONDS);
        process.waitFor(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws Exception {
        if (process == null || !process.isAlive()) {
            return;
        }
        ProcessHandle jvm = jvm();
        jvm.destroy(); // SIGTERM: a graceful shutdown
        try {
            jvm.onExit().get(60, TimeUnit.SECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            jvm.destroyForcibly();
        }
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }

    private ProcessHandle jvm() {
        List<ProcessHandle> java = process.toHandle().descendants()
                .filter(p -> p.info().commandLine().map(c -> c.contains("jboss-modules.jar")).orElse(false))
                .toList();
        if (java.size() != 1) {
            throw new IllegalStateException("expected one WildFly JVM under standalone.sh, found " + java.size());
        }
        return java.get(0);
    }

    private static int freeOffset() throws IOException {
        for (int attempt = 0; attempt < 200; attempt++) {
            int offset = 20000 + (int) (Math.random() * 30000);
            boolean free = true;
            for (int port : WILDFLY_PORTS) {
                free &= tcpFree(port + offset);
            }
            if (free) {
                return offset;
            }
        }
        throw new IOException("no free port offset");
    }

    private static int freeSipPort() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            try (DatagramSocket d = new DatagramSocket(port, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException taken) {
                // the UDP side is in use: try another
            }
        }
        throw new IOException("no free SIP port");
    }

    /** A port for the MSRP listener, which must not be the Arquillian server's beside it. */
    private static int freeTcpPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static boolean tcpFree(int port) {
        if (port > 65535) {
            return false;
        }
        try (ServerSocket s = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
