package org.opencpm.sipservlets.participating;

import jakarta.activation.FileDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.opencpm.messagestore.objects.StoredObject;
import org.opencpm.msrp.codec.ByteRange;
import org.opencpm.msrp.codec.EndFlag;
import org.opencpm.msrp.sdp.FileSelector;
import org.opencpm.msrp.sdp.FileType;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.recording.ConversationRecorder;
import org.opencpm.recording.SessionRecords;
import org.opencpm.sipservlets.session.SessionTap;

/**
 * The recording of one session for one user (OMA CPM SD 5.2.1.2.2-3): the Session Info Object of a chat when it is
 * established; then, of what the relay passes either way, each chat message whole (up to {@link #MAX_CHAT_BYTES},
 * held in memory while it arrives) or the file of a file transfer (copied to a temporary file as it passes, never
 * held in memory). An item is recorded only once it arrived whole, from its first byte to its last in order: a
 * message given up ({@code #}), cut off by the session's end, resumed from the middle (RFC 5547 file-range) or,
 * for a file, not of the size its file-selector announced, is not. The relay's reader threads only copy; what
 * completed is composed and taken into the outbox on the executor.
 */
final class RecordingTap implements SessionTap {

    private static final Logger LOG = Logger.getLogger(RecordingTap.class.getName());

    /** A chat message larger than this is not recorded (logged): a large content goes by file transfer. */
    static final int MAX_CHAT_BYTES = 1024 * 1024;
    /** Messages of the session arriving at once (interleaved chunks, RFC 4975 sec 7.1) that are copied. */
    static final int MAX_IN_PROGRESS = 8;

    private final ConversationRecorder recorder;
    private final String user;
    private final SessionRecords records;
    /** The file transfer's media line (RFC 5547), or null for a chat. */
    private final MsrpMedia fileMedia;
    private final Clock clock;
    private final Executor executor;
    private final Path temporary;
    private final Map<String, Copy> inProgress = new HashMap<>();
    private Instant established;
    private boolean ended;

    RecordingTap(ConversationRecorder recorder, String user, SessionRecords records, MsrpMedia fileMedia,
                 Clock clock, Executor executor, Path temporary) {
        this.recorder = recorder;
        this.user = user;
        this.records = records;
        this.fileMedia = fileMedia;
        this.clock = clock;
        this.executor = executor;
        this.temporary = temporary;
    }

    @Override
    public synchronized void established(SessionDescription answer) {
        established = clock.instant();
        if (fileMedia == null) {
            // SD 5.2.1.2.3: a Session Info Object in the session history folder when the session is established
            Instant at = established;
            recorder.record(user, records.sessionFolder(), () -> records.sessionInfo(answer.toString(), at));
        }
    }

    @Override
    public synchronized void passed(boolean fromCaller, String messageId, String contentType, ByteRange range,
                                    ByteBuffer body, EndFlag flag) {
        if (ended) {
            return;
        }
        String key = (fromCaller ? "caller " : "callee ") + messageId;
        Copy copy = inProgress.get(key);
        if (copy == null) {
            // the first piece of a message seen here, from its first byte: the only start a whole copy can have
            if (range.start() != 1 || flag == EndFlag.ABORTED || flag == EndFlag.COMPLETE && !body.hasRemaining()
                    || inProgress.size() >= MAX_IN_PROGRESS) {
                return;
            }
            boolean sent = fromCaller == records.ownerInvited();
            copy = fileMedia != null ? startFile(sent, messageId, contentType)
                    : startChat(sent, messageId, contentType, range);
            if (copy == null) {
                return;
            }
            inProgress.put(key, copy);
        }
        if (!copy.append(range, body) || flag == EndFlag.ABORTED) {
            inProgress.remove(key);
            copy.discard();
        } else if (flag == EndFlag.COMPLETE) {
            inProgress.remove(key);
            complete(copy, range);
        }
    }

    @Override
    public synchronized void ended() {
        ended = true;
        inProgress.values().forEach(Copy::discard);
        inProgress.clear();
    }

    private void complete(Copy copy, ByteRange last) {
        Runnable record = copy.recording(last);
        if (record == null) {
            copy.discard();
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    record.run();
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "Recording: a session item for " + user + " not recorded", e);
                } finally {
                    copy.discard();
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.warning(() -> "Recording: a session item for " + user + " not recorded (" + e.getMessage() + ")");
            copy.discard();
        }
    }

    private Copy startChat(boolean sent, String messageId, String contentType, ByteRange range) {
        if (range.hasTotal() && range.total() > MAX_CHAT_BYTES) {
            LOG.info(() -> "Recording: chat message " + messageId + " for " + user + " of " + range.total()
                    + " bytes, larger than " + MAX_CHAT_BYTES + ", not recorded");
            return null;
        }
        return new ChatCopy(sent, messageId, contentType == null ? "text/plain" : contentType);
    }

    private Copy startFile(boolean sent, String messageId, String contentType) {
        long max = recorder.policy().maxObjectSize();
        long announced = fileMedia.fileSelector().map(f -> f.size().orElse(-1)).orElse(-1L);
        if (announced > max) {
            LOG.info(() -> "Recording: file " + messageId + " for " + user + " of " + announced
                    + " bytes, larger than the recording maximum " + max + ", not recorded");
            return null;
        }
        String type = fileMedia.fileSelector().flatMap(FileSelector::type).map(FileType::mediaType)
                .orElse(contentType == null ? "application/octet-stream" : contentType);
        try {
            return new FileCopy(sent, messageId, type, announced, max,
                    Files.createTempFile(temporary, "opencpm-recording-", ".file"));
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Recording: no temporary file for file " + messageId + " of " + user, e);
            return null;
        }
    }

    /** One message being copied as its pieces pass. */
    private abstract static class Copy {
        final boolean sent;
        final String messageId;
        final String contentType;
        long received;

        Copy(boolean sent, String messageId, String contentType) {
            this.sent = sent;
            this.messageId = messageId;
            this.contentType = contentType;
        }

        /** Takes the next piece; false when the message cannot be copied whole (the copy is then discarded). */
        boolean append(ByteRange range, ByteBuffer body) {
            if (range.start() - 1 != received) {
                return false; // a gap or an overlap: not a plain copy from first to last byte
            }
            received += body.remaining();
            return write(body);
        }

        abstract boolean write(ByteBuffer body);

        /** What records the complete message, or null when it is not to be recorded. */
        abstract Runnable recording(ByteRange last);

        abstract void discard();
    }

    /** A chat message or disposition notification, in memory up to {@link #MAX_CHAT_BYTES}. */
    private final class ChatCopy extends Copy {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        private ChatCopy(boolean sent, String messageId, String contentType) {
            super(sent, messageId, contentType);
        }

        @Override
        boolean write(ByteBuffer body) {
            if (received > MAX_CHAT_BYTES) {
                LOG.info(() -> "Recording: chat message " + messageId + " for " + user + " larger than "
                        + MAX_CHAT_BYTES + " bytes, not recorded");
                return false;
            }
            byte[] piece = new byte[body.remaining()];
            body.get(piece);
            bytes.write(piece, 0, piece.length);
            return true;
        }

        @Override
        Runnable recording(ByteRange last) {
            byte[] body = bytes.toByteArray();
            Instant now = clock.instant();
            return () -> {
                StoredObject object = records.message(sent, messageId, contentType, body, now);
                if (object != null) {
                    recorder.record(user, records.sessionFolder(), () -> object);
                }
            };
        }

        @Override
        void discard() {
            // memory only
        }
    }

    /** The file of a file transfer, copied to a temporary file as it passes (SD 5.2.1.2.2). */
    private final class FileCopy extends Copy {
        private final long announced;
        private final long max;
        private final Path file;
        private final FileChannel channel;

        private FileCopy(boolean sent, String messageId, String contentType, long announced, long max, Path file)
                throws IOException {
            super(sent, messageId, contentType);
            this.announced = announced;
            this.max = max;
            this.file = file;
            try {
                this.channel = FileChannel.open(file, StandardOpenOption.WRITE);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
        }

        @Override
        boolean write(ByteBuffer body) {
            if (received > max || announced >= 0 && received > announced) {
                LOG.info(() -> "Recording: file " + messageId + " for " + user + " longer than announced or allowed,"
                        + " not recorded");
                return false;
            }
            try {
                while (body.hasRemaining()) {
                    channel.write(body);
                }
                return true;
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Recording: file " + messageId + " for " + user + " not copied", e);
                return false;
            }
        }

        @Override
        Runnable recording(ByteRange last) {
            try {
                channel.close();
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Recording: file " + messageId + " for " + user + " not copied", e);
                return null;
            }
            // the whole file: as many bytes as announced, and as the last chunk says the message has
            if (announced >= 0 && received != announced || last.hasTotal() && received != last.total()) {
                LOG.info(() -> "Recording: file " + messageId + " for " + user + " arrived with " + received
                        + " bytes, not as announced; not recorded");
                return null;
            }
            Instant at = established != null ? established : clock.instant();
            String sdp = fileMedia.attributes().stream().filter(a -> a.name().startsWith("file-"))
                    .map(a -> "a=" + a).collect(Collectors.joining("\r\n"));
            return () -> recorder.record(user, records.conversationFolder(), () -> records.fileTransfer(sent,
                    messageId, sdp, contentType, new FileDataSource(file.toFile()), at));
        }

        @Override
        void discard() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.log(Level.WARNING, "Recording: temporary file " + file + " not removed", e);
            }
        }
    }
}
