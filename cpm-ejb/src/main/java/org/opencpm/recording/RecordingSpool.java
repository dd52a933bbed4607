package org.opencpm.recording;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Files holding recorded objects too large for a database row, until they are uploaded. A file is written under a
 * temporary name and renamed once complete, so a name an outbox row refers to is always a whole object.
 */
public final class RecordingSpool {

    private static final Pattern NAME = Pattern.compile("[0-9a-f-]{36}\\.eml");

    /** Writes one object to a stream. */
    public interface Writer {
        void writeTo(OutputStream out) throws IOException;
    }

    private final Path directory;

    public RecordingSpool(Path directory) {
        this.directory = directory;
    }

    /** Writes a new spool file; returns its name. */
    public String write(Writer writer) {
        try {
            Files.createDirectories(directory);
            String name = UUID.randomUUID() + ".eml";
            Path part = directory.resolve(name + ".part");
            try (OutputStream out = Files.newOutputStream(part)) {
                writer.writeTo(out);
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(part);
                throw e;
            }
            Files.move(part, directory.resolve(name), StandardCopyOption.ATOMIC_MOVE);
            return name;
        } catch (IOException e) {
            throw new UncheckedIOException("the recording spool " + directory + " cannot be written", e);
        }
    }

    /** The file of a name {@link #write} gave. */
    public Path file(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a spool file name: " + name);
        }
        return directory.resolve(name);
    }

    public long size(String name) {
        try {
            return Files.size(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void delete(String name) {
        try {
            Files.deleteIfExists(file(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names of the whole files in the spool, and the half-written ones (a crash while writing). */
    public List<String> names() {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(directory)) {
            List<String> names = new ArrayList<>();
            files.map(f -> f.getFileName().toString()).forEach(names::add);
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When a file {@link #names} listed was last written; far in the future when it cannot be told (left alone). */
    public Instant lastModified(String listedName) {
        try {
            return Files.getLastModifiedTime(directory.resolve(listedName)).toInstant();
        } catch (IOException e) {
            return Instant.MAX;
        }
    }

    /** Removes a file {@link #names} listed, whole or half-written. */
    public void remove(String listedName) {
        if (NAME.matcher(listedName).matches() || NAME.matcher(listedName.replace(".part", "")).matches()) {
            try {
                Files.deleteIfExists(directory.resolve(listedName));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
