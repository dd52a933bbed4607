package org.opencpm.msrp.chunk;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Objects;

/** A {@link ChunkSink} writing into a file through positional writes; the caller opens and closes the channel. */
public final class FileChannelSink implements ChunkSink {

    private final FileChannel channel;

    public FileChannelSink(FileChannel channel) {
        this.channel = Objects.requireNonNull(channel, "channel");
    }

    @Override
    public void write(long offset, ByteBuffer data) throws IOException {
        long position = offset;
        while (data.hasRemaining()) {
            position += channel.write(data, position);
        }
    }
}
