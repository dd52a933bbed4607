package org.opencpm.msrp.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/** A {@link ChunkSink} writing into a file through positional writes; the caller opens and closes the channel. */
public final class FileChannelSink implements ChunkSink {

    private final FileChannel channel;
    private final long present;

    /** A sink for a fresh message. */
    public FileChannelSink(FileChannel channel) {
        this(channel, 0);
    }

    private FileChannelSink(FileChannel channel, long present) {
        this.channel = Objects.requireNonNull(channel, "channel");
        this.present = present;
    }

    /**
     * A sink continuing a file whose first {@code present} bytes arrived in an earlier, interrupted transfer (the
     * {@code contiguousBytes} its listener heard in {@code onMessageAborted}): the resumed message's chunks start
     * after them (RFC 5547 sec 9).
     *
     * @throws IllegalArgumentException if the file is shorter than {@code present} bytes
     */
    public static FileChannelSink resuming(FileChannel channel, long present) throws IOException {
        if (present < 0 || present > channel.size()) {
            throw new IllegalArgumentException("the file holds fewer than " + present + " bytes");
        }
        return new FileChannelSink(channel, present);
    }

    @Override
    public long presentBytes() {
        return present;
    }

    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
        long position = offset;
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
    }
}
