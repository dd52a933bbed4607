package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.opencpm.msrp.codec.MsrpPath;
import org.opencpm.msrp.codec.MsrpUri;

/**
 * An MSRP media description (RFC 4975 sec 8): {@code m=message <port> TCP/MSRP *} or {@code TCP/TLS/MSRP}, with
 * {@code a=path}, {@code a=accept-types}, {@code a=accept-wrapped-types}, {@code a=max-size}, a direction,
 * {@code a=setup} and {@code a=connection} (RFC 6135, RFC 4145) typed, and every other attribute kept in order as
 * written (RFC 5547 file transfer, RFC 7701 chatroom, ...). The RFC 5547 file transfer attributes are also read as
 * types ({@link #fileSelector()}, {@link #fileRange()}, ...) and checked, while their lines stay as written. An
 * active stream (port not 0) always has a path and accept-types, and the scheme of its own URI, the path's last,
 * matches the protocol.
 */
public final class MsrpMedia implements SdpMedia {

    public static final String MEDIA = "message";
    /** The attributes typed here; every other one passes through as an {@link SdpAttribute}. */
    static final List<String> TYPED = List.of("path", "accept-types", "accept-wrapped-types", "max-size", "setup",
            "connection", "sendrecv", "sendonly", "recvonly", "inactive");

    private final int port;
    private final MsrpTransport transport;
    private final List<String> formats;
    private final SdpConnection connection;
    private final List<MsrpUri> path;
    private final List<String> acceptTypes;
    private final List<String> acceptWrappedTypes;
    private final long maxSize;
    private final Direction direction;
    private final Setup setup;
    private final TcpConnection tcpConnection;
    private final List<SdpAttribute> attributes;
    private final FileAttributes files;

    private MsrpMedia(Builder b) {
        if (b.port < 0 || b.port > 65535) {
            throw new SdpFormatException("SDP m= line malformed");
        }
        this.port = b.port;
        this.transport = b.transport;
        this.formats = List.copyOf(b.formats);
        this.connection = b.connection;
        this.path = List.copyOf(b.path);
        this.acceptTypes = AcceptTypes.checked("accept-types", b.acceptTypes);
        this.acceptWrappedTypes = AcceptTypes.checked("accept-wrapped-types", b.acceptWrappedTypes);
        this.maxSize = b.maxSize;
        this.direction = b.direction;
        this.setup = b.setup;
        this.tcpConnection = b.tcpConnection;
        this.attributes = List.copyOf(b.attributes);
        this.files = FileAttributes.of(attributes);
        if (port != 0) {
            // RFC 4975 sec 8.2 and 8.6: both are mandatory for a stream in use.
            if (path.isEmpty()) {
                throw new SdpFormatException("SDP MSRP media without a=path");
            }
            if (acceptTypes.isEmpty()) {
                throw new SdpFormatException("SDP MSRP media without a=accept-types");
            }
            if (endpoint().secure() != (transport == MsrpTransport.TLS)) {
                throw new SdpFormatException("SDP MSRP protocol and a=path scheme disagree");
            }
        }
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String media() {
        return MEDIA;
    }

    @Override
    public int port() {
        return port;
    }

    public MsrpTransport transport() {
        return transport;
    }

    /** The formats of the m= line, {@code *} for MSRP (RFC 4975 sec 8.1). */
    public List<String> formats() {
        return formats;
    }

    /** A media-level c= line, if any; the session-level one applies otherwise. */
    public Optional<SdpConnection> connection() {
        return Optional.ofNullable(connection);
    }

    /** The {@code a=path}: relays first (RFC 4976), the endpoint that wrote it last; the peer's To-Path. */
    public List<MsrpUri> path() {
        return path;
    }

    /** The URI of the endpoint that wrote this description: the last of its path. */
    public MsrpUri endpoint() {
        return path.get(path.size() - 1);
    }

    public List<String> acceptTypes() {
        return acceptTypes;
    }

    /** The types accepted only inside a wrapper such as {@code message/cpim}; empty when not given. */
    public List<String> acceptWrappedTypes() {
        return acceptWrappedTypes;
    }

    /** The largest message the writer accepts ({@code a=max-size}). */
    public OptionalLong maxSize() {
        return maxSize < 0 ? OptionalLong.empty() : OptionalLong.of(maxSize);
    }

    /** The media-level direction as written; see {@link SessionDescription#direction(SdpMedia)} for the effective. */
    public Optional<Direction> direction() {
        return Optional.ofNullable(direction);
    }

    public Optional<Setup> setup() {
        return Optional.ofNullable(setup);
    }

    public Optional<TcpConnection> tcpConnection() {
        return Optional.ofNullable(tcpConnection);
    }

    /** The other attributes, in order. */
    public List<SdpAttribute> attributes() {
        return attributes;
    }

    /** The first other attribute called {@code name}. */
    public Optional<SdpAttribute> attribute(String name) {
        return attributes.stream().filter(a -> a.name().equals(name)).findFirst();
    }

    /** RFC 5547 {@code a=file-selector}: the file offered, or asked for. */
    public Optional<FileSelector> fileSelector() {
        return Optional.ofNullable(files.selector);
    }

    /** RFC 5547 {@code a=file-transfer-id}: what tells one transfer of a file from another. */
    public Optional<String> fileTransferId() {
        return Optional.ofNullable(files.transferId);
    }

    /** RFC 5547 {@code a=file-disposition}: {@code render}, {@code attachment}, ... */
    public Optional<String> fileDisposition() {
        return Optional.ofNullable(files.disposition);
    }

    /** RFC 5547 {@code a=file-date}. */
    public Optional<FileDate> fileDate() {
        return Optional.ofNullable(files.date);
    }

    /** RFC 5547 {@code a=file-icon}: a {@code cid:} URL naming a body part of the SIP message. */
    public Optional<String> fileIcon() {
        return Optional.ofNullable(files.icon);
    }

    /** RFC 5547 {@code a=file-range}: the part of the file transferred. */
    public Optional<FileRange> fileRange() {
        return Optional.ofNullable(files.range);
    }

    /**
     * The lines of this description: the m= line, c=, then the attributes in the order of the RFC 4975 examples
     * (accept-types before path), passed-through attributes, the direction last.
     */
    @Override
    public List<String> lines() {
        List<String> lines = new ArrayList<>();
        lines.add("m=" + MEDIA + ' ' + port + ' ' + transport.protocol() + ' ' + String.join(" ", formats));
        if (connection != null) {
            lines.add("c=" + connection);
        }
        addIf(lines, "accept-types", acceptTypes.isEmpty() ? null : String.join(" ", acceptTypes));
        addIf(lines, "accept-wrapped-types",
                acceptWrappedTypes.isEmpty() ? null : String.join(" ", acceptWrappedTypes));
        addIf(lines, "max-size", maxSize < 0 ? null : Long.toString(maxSize));
        addIf(lines, "path", path.isEmpty() ? null : MsrpPath.format(path));
        addIf(lines, "setup", setup == null ? null : setup.token());
        addIf(lines, "connection", tcpConnection == null ? null : tcpConnection.token());
        attributes.forEach(a -> lines.add("a=" + a));
        if (direction != null) {
            lines.add("a=" + direction.token());
        }
        return lines;
    }

    private static void addIf(List<String> lines, String name, String value) {
        if (value != null) {
            lines.add("a=" + name + ':' + value);
        }
    }

    /** A builder holding everything of this description, to change a few parts (a B2BUA's own path and setup). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.port = port;
        b.transport = transport;
        b.formats = formats;
        b.connection = connection;
        b.path = path;
        b.acceptTypes = acceptTypes;
        b.acceptWrappedTypes = acceptWrappedTypes;
        b.maxSize = maxSize;
        b.direction = direction;
        b.setup = setup;
        b.tcpConnection = tcpConnection;
        b.attributes.addAll(attributes);
        return b;
    }

    /** Builds a description; {@link #build()} checks it as the parser would. */
    public static final class Builder {

        private int port;
        private MsrpTransport transport = MsrpTransport.TCP;
        private List<String> formats = List.of("*");
        private SdpConnection connection;
        private List<MsrpUri> path = List.of();
        private List<String> acceptTypes = List.of();
        private List<String> acceptWrappedTypes = List.of();
        private long maxSize = -1;
        private Direction direction;
        private Setup setup;
        private TcpConnection tcpConnection;
        private final List<SdpAttribute> attributes = new ArrayList<>();

        private Builder() {
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder transport(MsrpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        public Builder formats(List<String> formats) {
            this.formats = List.copyOf(formats);
            return this;
        }

        public Builder connection(SdpConnection connection) {
            this.connection = connection;
            return this;
        }

        public Builder path(List<MsrpUri> path) {
            this.path = List.copyOf(path);
            return this;
        }

        public Builder acceptTypes(List<String> types) {
            this.acceptTypes = List.copyOf(types);
            return this;
        }

        public Builder acceptWrappedTypes(List<String> types) {
            this.acceptWrappedTypes = List.copyOf(types);
            return this;
        }

        /** The {@code a=max-size}; negative for none. */
        public Builder maxSize(long maxSize) {
            this.maxSize = maxSize < 0 ? -1 : maxSize;
            return this;
        }

        public Builder direction(Direction direction) {
            this.direction = direction;
            return this;
        }

        public Builder setup(Setup setup) {
            this.setup = setup;
            return this;
        }

        public Builder tcpConnection(TcpConnection tcpConnection) {
            this.tcpConnection = tcpConnection;
            return this;
        }

        /** Adds an attribute passed through as written; those typed here have setters of their own. */
        public Builder attribute(SdpAttribute attribute) {
            if (TYPED.contains(attribute.name())) {
                throw new IllegalArgumentException("a=" + attribute.name() + " has a setter of its own");
            }
            attributes.add(attribute);
            return this;
        }

        /** RFC 5547 {@code a=file-selector}, replacing the one set before; null removes it. */
        public Builder fileSelector(FileSelector value) {
            return file(FileAttributes.SELECTOR, value == null ? null : value.toString());
        }

        /** @throws SdpFormatException if {@code value} is not an RFC 4566 token of at most 256 characters */
        public Builder fileTransferId(String value) {
            return file(FileAttributes.TRANSFER_ID, value == null ? null : FileAttributes.transferId(value));
        }

        /** @throws SdpFormatException if {@code value} is not an RFC 4566 token of at most 64 characters */
        public Builder fileDisposition(String value) {
            return file(FileAttributes.DISPOSITION, value == null ? null : FileAttributes.disposition(value));
        }

        public Builder fileDate(FileDate value) {
            return file(FileAttributes.DATE, value == null ? null : value.toString());
        }

        /** @throws SdpFormatException if {@code value} is not a {@code cid:} URL */
        public Builder fileIcon(String value) {
            return file(FileAttributes.ICON, value == null ? null : FileAttributes.icon(value));
        }

        public Builder fileRange(FileRange value) {
            return file(FileAttributes.RANGE, value == null ? null : value.toString());
        }

        /**
         * Sets a file attribute where one of its name stands, else after the others; null {@code value} removes
         * it. The bare file-selector is the one attribute written without a value.
         */
        private Builder file(String name, String value) {
            int at = 0;
            while (at < attributes.size() && !attributes.get(at).name().equals(name)) {
                at++;
            }
            if (value == null) {
                if (at < attributes.size()) {
                    attributes.remove(at);
                }
                return this;
            }
            SdpAttribute a = new SdpAttribute(name, value.isEmpty() ? null : value);
            if (at < attributes.size()) {
                attributes.set(at, a);
            } else {
                attributes.add(a);
            }
            return this;
        }

        /** @throws SdpFormatException if the description breaks RFC 4975 sec 8 or RFC 5547 sec 6 */
        public MsrpMedia build() {
            return new MsrpMedia(this);
        }
    }
}
