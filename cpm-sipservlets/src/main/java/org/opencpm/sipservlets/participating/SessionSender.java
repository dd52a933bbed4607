package org.opencpm.sipservlets.participating;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.opencpm.message.multipart.MultipartMixed;
import org.opencpm.msrp.api.CloseReason;
import org.opencpm.msrp.api.ConnectRole;
import org.opencpm.msrp.api.DeliveryResult;
import org.opencpm.msrp.api.IncomingMessage;
import org.opencpm.msrp.api.MessageRefusedException;
import org.opencpm.msrp.api.MsrpConnector;
import org.opencpm.msrp.api.MsrpSession;
import org.opencpm.msrp.api.MsrpSessionListener;
import org.opencpm.msrp.api.OutgoingMessage;
import org.opencpm.msrp.chunk.ChunkSink;
import org.opencpm.msrp.codec.MsrpStatus;
import org.opencpm.msrp.sdp.Direction;
import org.opencpm.msrp.sdp.FileDate;
import org.opencpm.msrp.sdp.FileSelector;
import org.opencpm.msrp.sdp.MsrpMedia;
import org.opencpm.msrp.sdp.SdpConnection;
import org.opencpm.msrp.sdp.SdpNegotiationException;
import org.opencpm.msrp.sdp.SessionDescription;
import org.opencpm.msrp.sdp.Setup;
import org.opencpm.participating.KeptFileTransfer;
import org.opencpm.participating.StandaloneMessage;
import org.opencpm.sip.api.SipApplicationSession;
import org.opencpm.sip.api.SipConnector;
import org.opencpm.sipservlets.session.CalleeEvents;
import org.opencpm.sipservlets.session.Invitation;
import org.opencpm.sipservlets.session.LegOptions;
import org.opencpm.sipservlets.session.MediaOffers;
import org.opencpm.sipservlets.session.ServiceKind;
import org.opencpm.sipservlets.session.SessionChain;
import org.opencpm.sipservlets.session.SessionPolicy;
import org.opencpm.sipservlets.session.SipCallee;

/**
 * Sends what the terminating PF kept for a user to one device in a session of its own: a message over 1300 bytes
 * in large message mode (OMA CPM SD 5.2.2.1.5, 5.2.5), or a file it took on the user's behalf as a file transfer
 * offered again as if from the sender (5.2.4.7, RFC 5547), streamed from disk. An INVITE with a send-only MSRP
 * offer, the message or file as one MSRP message once the device answered, then BYE.
 */
@ApplicationScoped
public class SessionSender {

    private static final Logger LOG = Logger.getLogger(SessionSender.class.getName());

    private SipConnector sip;
    private MsrpConnector msrp;
    private Supplier<SessionPolicy> policy;
    private KeptFiles keptFiles;

    protected SessionSender() {
    }

    @Inject
    public SessionSender(SipConnector sip, MsrpConnector msrp, Supplier<SessionPolicy> policy, KeptFiles keptFiles) {
        this.sip = sip;
        this.msrp = msrp;
        this.policy = policy;
        this.keptFiles = keptFiles;
    }

    /**
     * Starts the delivery; {@code outcome} gets 200 once the device acknowledged every chunk, else the failure's
     * status, under the application session's lock (the container's order for its messages).
     */
    public void send(SipApplicationSession app, StandaloneMessage message, String contact, IntConsumer outcome) {
        SessionChain chain = new SessionChain(app, sip.getTimerService());
        Transfer transfer = new Transfer(chain, message, contact, outcome);
        synchronized (chain.lock()) {
            transfer.start();
        }
    }

    private final class Transfer implements CalleeEvents, MsrpSessionListener {

        private final SessionChain chain;
        private final StandaloneMessage message;
        private final SipCallee callee;
        private final IntConsumer outcome;
        private MsrpSession local;
        private MsrpMedia offered;
        private Optional<KeptFileTransfer> file = Optional.empty();
        private boolean done;

        Transfer(SessionChain chain, StandaloneMessage message, String contact, IntConsumer outcome) {
            this.chain = chain;
            this.message = message;
            this.callee = new SipCallee(chain, sip.getSipFactory(), contact);
            this.outcome = outcome;
        }

        void start() {
            local = msrp.createSession(LegOptions.of(this));
            Setup setup = policy.get().links().offerSetup(true);
            MsrpMedia.Builder media = MsrpMedia.builder()
                    .port(setup == Setup.ACTIVE ? 9 : local.localUri().effectivePort())
                    .path(List.of(local.localUri()))
                    .setup(setup)
                    .direction(Direction.SENDONLY);
            ServiceKind kind;
            try {
                file = KeptFileTransfer.of(message);
                if (file.isPresent()) {
                    kind = ServiceKind.FILE_TRANSFER;
                    describe(media, file.get());
                } else {
                    kind = ServiceKind.LARGE_MESSAGE;
                    media.acceptTypes(List.of(MultipartMixed.bareValue(message.contentType()))).maxSize(message.body().length);
                }
            } catch (IllegalArgumentException e) {
                LOG.log(Level.WARNING, "a kept file for " + message.recipientAddress() + " is not readable", e);
                failed(500, "Server Internal Error");
                return;
            }
            offered = media.build();
            SessionDescription offer = SessionDescription.of(MediaOffers.origin(msrp.host()),
                    SdpConnection.of(msrp.host()), List.of(offered));
            Invitation invitation = new Invitation(chain, offer, kind, message.fromHeader(),
                    message.senderIdentity(), message.recipientAddress(), message.headerLines(), null);
            callee.invite(invitation, this);
        }

        /**
         * The file described as its sender did (RFC 5547 sec 5), with a transfer id of this offer's own; no delivery
         * notification is asked of the device (SD 5.2.4.7).
         */
        private void describe(MsrpMedia.Builder media, KeptFileTransfer kept) {
            Map<String, String> a = kept.fileAttributes();
            media.acceptTypes(List.of(MultipartMixed.bareValue(kept.contentType())))
                    .fileTransferId(UUID.randomUUID().toString().replace("-", ""));
            Optional.ofNullable(a.get("file-selector")).map(FileSelector::parse).ifPresent(media::fileSelector);
            Optional.ofNullable(a.get("file-icon")).ifPresent(media::fileIcon);
            Optional.ofNullable(a.get("file-disposition")).ifPresent(media::fileDisposition);
            Optional.ofNullable(a.get("file-date")).map(FileDate::parse).ifPresent(media::fileDate);
        }

        @Override
        public void answered(SessionDescription answer) {
            try {
                MsrpMedia media = MediaOffers.msrpOf(answer);
                ConnectRole role = MediaOffers.role(offered.setup(), media.setup(), true);
                local.setRemote(media.path(), role);
                callee.ack();
                local.connect();
                // Off the SIP thread: sending waits while the session's queue is full.
                java.util.concurrent.CompletableFuture.runAsync(this::sendBody);
            } catch (SdpNegotiationException | IllegalArgumentException | IllegalStateException e) {
                callee.ack();
                end(488);
            }
        }

        private void sendBody() {
            try {
                if (file.isPresent()) {
                    KeptFileTransfer kept = file.get();
                    try (InputStream source = keptFiles.open(kept.fileId())) {
                        local.send(OutgoingMessage.builder(kept.contentType(), source, kept.size()).build()).result()
                                .whenComplete(this::finished);
                    }
                } else {
                    local.send(OutgoingMessage.of(message.contentType(), message.body())).result()
                            .whenComplete(this::finished);
                }
            } catch (IOException | RuntimeException e) {
                finished(null, e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                finished(null, e);
            }
        }

        private void finished(DeliveryResult result, Throwable error) {
            synchronized (chain.applicationSession()) {
                synchronized (chain.lock()) {
                    int status = error == null && result.isSuccess() ? 200 : error == null ? result.code() : 500;
                    end(status);
                }
            }
        }

        private void end(int status) {
            if (done) {
                return;
            }
            done = true;
            callee.bye(); // SD 5.2.2.1.5: the sending side closes the session after the last chunk
            local.close();
            try {
                outcome.accept(status);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "kept message outcome for " + message.recipientAddress() + " failed", e);
            }
        }

        @Override
        public void failed(int status, String reason) {
            if (!done) {
                done = true;
                local.close();
                outcome.accept(status);
            }
        }

        @Override
        public void ended() {
            end(481); // the device hung up before the message was through
        }

        @Override
        public void reoffered(SessionDescription offer) {
            callee.refuseReoffer(488, "Not Acceptable Here (a delivery session is not modified)");
        }

        @Override
        public void reofferAnswered(SessionDescription answer) {
        }

        @Override
        public void reofferRefused(int status, String reason) {
        }

        @Override
        public ChunkSink onMessage(MsrpSession session, IncomingMessage incoming) throws MessageRefusedException {
            throw new MessageRefusedException(MsrpStatus.FORBIDDEN, "a send-only session");
        }

        @Override
        public void onClosed(MsrpSession session, CloseReason reason) {
            if (reason != CloseReason.LOCAL) {
                synchronized (chain.applicationSession()) {
                    synchronized (chain.lock()) {
                        end(408);
                    }
                }
            }
        }
    }
}
