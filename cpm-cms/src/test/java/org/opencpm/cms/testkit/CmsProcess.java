package org.opencpm.cms.testkit;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The message store as run.sh runs it: {@code java -cp <cpm-cms classes>:<its runtime classpath>
 * org.opencpm.cms.CmsServer} in a JVM of its own, on the given ports and data directory, its output appended to
 * {@code <data>/console.log}. It can be stopped with SIGTERM, killed, and started again on the same data.
 * <p>
 * Where the classes are: system properties {@code cms.classes} (cpm-cms/target/classes) and
 * {@code cms.classpath.file} (cpm-cms/target/cms.classpath, written by the build).
 */
public final class CmsProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Path data;
    private final int imapPort;
    private final int smtpPort;
    private final int webAdminPort;
    private final String domain;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private Process process;

    public CmsProcess(Path data, int imapPort, int smtpPort, int webAdminPort, String domain) {
        this.data = data;
        this.imapPort = imapPort;
        this.smtpPort = smtpPort;
        this.webAdminPort = webAdminPort;
        this.domain = domain;
    }

    /** On three free ports. */
    public static CmsProcess onFreePorts(Path data, String domain) throws IOException {
        return new CmsProcess(data, freePort(), freePort(), freePort(), domain);
    }

    public int imapPort() {
        return imapPort;
    }

    public int smtpPort() {
        return smtpPort;
    }

    public String webAdminUrl() {
        return "http://127.0.0.1:" + webAdminPort;
    }

    public Path data() {
        return data;
    }

    /** One more {@code -Dname=value} for the store's JVM, from its next start on (e.g. the administrator). */
    public CmsProcess property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    /** Starts the JVM and waits until WebAdmin's health check answers 200 (at most 120 s). */
    public void start() throws Exception {
        Files.createDirectories(data);
        String classpath = System.getProperty("cms.classes") + java.io.File.pathSeparator
                + Files.readString(Path.of(System.getProperty("cms.classpath.file"))).trim();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dopencpm.cms.data=" + data,
                "-Dopencpm.cms.imap.port=" + imapPort,
                "-Dopencpm.cms.smtp.port=" + smtpPort,
                "-Dopencpm.cms.webadmin.port=" + webAdminPort,
                "-Dopencpm.cms.domain=" + domain));
        properties.forEach((name, value) -> command.add("-D" + name + "=" + value));
        command.addAll(List.of("-cp", classpath, "org.opencpm.cms.CmsServer"));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("console.log").toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the message store exited with " + process.exitValue() + "; see "
                        + data.resolve("console.log"));
            }
            try {
                HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(URI.create(webAdminUrl() + "/healthcheck"))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the message store did not become healthy in 120 s; see "
                + data.resolve("console.log"));
    }

    /** SIGTERM, as Ctrl-C in run.sh; waits for the JVM to exit (killing it after 30 s). Returns its exit code. */
    public int stop() throws InterruptedException {
        if (process == null) {
            return 0;
        }
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        int code = process.exitValue();
        process = null;
        return code;
    }

    /** SIGKILL: no shutdown at all. */
    public void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly().waitFor();
            process = null;
        }
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }

    /** The JVM's pid, for measuring it. */
    public long pid() {
        return process.pid();
    }

    /** A WebAdmin request; {@code json} may be null. */
    public HttpResponse<String> webAdmin(String method, String path, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(webAdminUrl() + path)).timeout(Duration.ofSeconds(20))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
