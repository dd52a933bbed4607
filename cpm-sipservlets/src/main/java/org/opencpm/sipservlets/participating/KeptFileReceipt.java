package org.opencpm.sipservlets.participating;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.chunk.FileChannelSink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.AnswerPolicy;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.participating.KeptFileTransfer;

/**
 * The file of a transfer to a user none of whose devices took it (OMA CPM SD 5.2.4.5): written to the PF's file
 * directory as it arrives, never held in memory, and handed on as a {@link KeptFileTransfer} once whole and of the
 * size the file-selector announced (RFC 5547 sec 6). One file per transfer (SD 5.2.4.1.1); a file cut off is
 * removed.
 */
final class KeptFileReceipt implements OnBehalfEndpoint.Keeping {

    private static final Logger LOG = Logger.getLogger(KeptFileReceipt.class.getName());

    private final KeptFiles files;
    private final long maxFileBytes;
    private final Consumer<KeptFileTransfer> keep;
    private MsrpMedia offered;
    private UUID fileId;
    private FileChannel channel;
    private boolean taken;

    KeptFileReceipt(KeptFiles files, long maxFileBytes, Consumer<KeptFileTransfer> keep) {
        this.files = files;
        this.maxFileBytes = maxFileBytes;
        this.keep = keep;
    }

    @Override
    public AnswerPolicy answerPolicy(MsrpMedia offer) {
        this.offered = offer;
        return new AnswerPolicy(List.of("*"), List.of("*"), limit(), Setup.PASSIVE, Direction.RECVONLY,
                List.of("file-selector", "file-transfer-id"));
    }

    /** The announced size when there is one (the offer was checked against the policy), else the policy's. */
    private long limit() {
        long announced = SessionLimits.fileSize(offered);
        return announced >= 0 ? announced : maxFileBytes;
    }

    @Override
    public synchronized ChunkSink open(IncomingMessage message) throws MessageRefusedException {
        if (taken) {
            throw new MessageRefusedException(MsrpStatus.FORBIDDEN, "one file per transfer");
        }
        if (message.declaredSize().orElse(0) > limit()) {
            throw new MessageRefusedException(MsrpStatus.MESSAGE_TOO_LARGE, "over the announced file size");
        }
        taken = true;
        fileId = UUID.randomUUID();
        try {
            channel = files.create(fileId);
            return new FileChannelSink(channel);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not keep a file in " + files.directory(), e);
            throw new MessageRefusedException(MsrpStatus.FORBIDDEN, "the file cannot be kept");
        }
    }

    @Override
    public synchronized void received(IncomingMessage message, long size) {
        closeChannel();
        long announced = SessionLimits.fileSize(offered);
        if (announced >= 0 && size != announced) {
            LOG.info(() -> "a file of " + size + " bytes where " + announced + " were announced was dropped");
            files.delete(fileId);
            return;
        }
        try {
            files.complete(fileId);
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not keep file " + fileId, e);
            files.delete(fileId);
            return;
        }
        Map<String, String> attributes = new LinkedHashMap<>();
        offered.fileSelector().ifPresent(v -> attributes.put("file-selector", v.toString()));
        offered.fileIcon().ifPresent(v -> attributes.put("file-icon", v));
        offered.fileDisposition().ifPresent(v -> attributes.put("file-disposition", v));
        offered.fileDate().ifPresent(v -> attributes.put("file-date", v.toString()));
        keep.accept(new KeptFileTransfer(fileId, size, message.contentType(), attributes));
    }

    @Override
    public synchronized void dropped(IncomingMessage message) {
        closeChannel();
        if (fileId != null) {
            files.delete(fileId);
        }
    }

    private void closeChannel() {
        try {
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "could not close kept file " + fileId, e);
        }
    }
}
