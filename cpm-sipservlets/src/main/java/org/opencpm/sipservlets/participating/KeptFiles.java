package org.opencpm.sipservlets.participating;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The directory where the terminating PF keeps files it received on users' behalf until they are delivered (OMA
 * CPM SD 5.2.4.5, 5.2.4.7). A file is written as {@code <id>.part} and renamed to {@code <id>} once whole, so a
 * crash never leaves a partial file that looks complete; the deferred queue entry refers to it by id. Files are
 * streamed to and from disk, never held in memory.
 */
public final class KeptFiles {

    private static final Logger LOG = Logger.getLogger(KeptFiles.class.getName());
    private static final String PART = ".part";

    private final Path directory;
    private final Duration maxAge;

    /** @param maxAge longer than any deferred queue entry lives: a file older than that has no entry left */
    public KeptFiles(Path directory, Duration maxAge) {
        this.directory = directory;
        this.maxAge = maxAge;
    }

    public Path directory() {
        return directory;
    }

    /** A new file being received: open for writing as {@code <id>.part}. */
    public FileChannel create(UUID id) throws IOException {
        Files.createDirectories(directory);
        return FileChannel.open(part(id), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    }

    /** The file {@code id} arrived whole: from now on it can be delivered. */
    public void complete(UUID id) throws IOException {
        Files.move(part(id), file(id), StandardCopyOption.ATOMIC_MOVE);
    }

    public InputStream open(UUID id) throws IOException {
        return Files.newInputStream(file(id));
    }

    /** Removes the file {@code id}, whole or partial; nothing if it is gone already. */
    public void delete(UUID id) {
        try {
            Files.deleteIfExists(part(id));
            Files.deleteIfExists(file(id));
        } catch (IOException e) {
            LOG.warning(() -> "could not remove kept file " + id + ": " + e);
        }
    }

    /**
     * Removes files last written more than the longest life of a queue entry ago: those whose entry went without
     * the file (a crash between the two, an entry deleted over REST). Returns how many.
     */
    public int sweep(Instant now) {
        if (!Files.isDirectory(directory)) {
            return 0;
        }
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path f : files) {
                if (Files.getLastModifiedTime(f).toInstant().isBefore(now.minus(maxAge)) && Files.deleteIfExists(f)) {
                    removed++;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return removed;
    }

    private Path part(UUID id) {
        return directory.resolve(id + PART);
    }

    private Path file(UUID id) {
        return directory.resolve(id.toString());
    }
}
