package org.opencpm.participating;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A file the terminating PF received on a user's behalf (OMA CPM SD 5.2.4.5), as its deferred-queue entry says:
 * where the file is kept, its size and type, and the RFC 5547 attributes of the original offer, so that the
 * invitation sent again when the user registers describes the file as the sender did (5.2.4.7). The entry's body
 * is this descriptor; the file itself stays on disk.
 *
 * @param fileId         the kept file's name in the PF's file directory
 * @param size           the file's size in bytes
 * @param contentType    the type the file was sent with
 * @param fileAttributes the offer's {@code a=file-*} values by attribute name ({@code file-selector},
 *                       {@code file-icon}, {@code file-disposition}, {@code file-date})
 */
public record KeptFileTransfer(UUID fileId, long size, String contentType, Map<String, String> fileAttributes) {

    /** The content type of the queue entry: never one a client can send, so never confused with a message. */
    public static final String MEDIA_TYPE = "application/vnd.opencpm.kept-file-transfer";
    /** The attributes kept from the offer (RFC 5547 sec 5); a new file-transfer-id is made for each delivery. */
    public static final List<String> KEPT_ATTRIBUTES = List.of("file-selector", "file-icon",
            "file-disposition", "file-date");
    private static final int MAX_BYTES = 8192;

    public KeptFileTransfer {
        if (size < 0 || contentType.isBlank() || contentType.indexOf('\n') >= 0 || contentType.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("bad kept file size or type");
        }
        for (Map.Entry<String, String> a : fileAttributes.entrySet()) {
            if (!KEPT_ATTRIBUTES.contains(a.getKey()) || a.getValue().indexOf('\n') >= 0
                    || a.getValue().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("bad kept file attribute " + a.getKey());
            }
        }
        fileAttributes = Map.copyOf(fileAttributes);
    }

    /** The descriptor of a queue entry, if the entry is one. */
    public static Optional<KeptFileTransfer> of(StandaloneMessage message) {
        return isKeptFile(message.contentType()) ? Optional.of(parse(message.body())) : Optional.empty();
    }

    public static boolean isKeptFile(String contentType) {
        return contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith(MEDIA_TYPE);
    }

    /** {@code Name: value} lines: File-Id, Size, Content-Type, then one per kept attribute. */
    public byte[] toBytes() {
        StringBuilder text = new StringBuilder()
                .append("File-Id: ").append(fileId).append("\r\n")
                .append("Size: ").append(size).append("\r\n")
                .append("Content-Type: ").append(contentType).append("\r\n");
        KEPT_ATTRIBUTES.stream().filter(fileAttributes::containsKey)
                .forEach(name -> text.append(name).append(": ").append(fileAttributes.get(name)).append("\r\n"));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException if {@code body} is not a descriptor this class wrote */
    public static KeptFileTransfer parse(byte[] body) {
        if (body.length > MAX_BYTES) {
            throw new IllegalArgumentException("kept file descriptor over " + MAX_BYTES + " bytes");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (String line : new String(body, StandardCharsets.UTF_8).split("\r\n")) {
            int colon = line.indexOf(": ");
            if (colon <= 0) {
                throw new IllegalArgumentException("bad kept file descriptor line");
            }
            fields.put(line.substring(0, colon), line.substring(colon + 2));
        }
        String id = fields.remove("File-Id");
        String size = fields.remove("Size");
        String type = fields.remove("Content-Type");
        if (id == null || size == null || type == null) {
            throw new IllegalArgumentException("kept file descriptor without File-Id, Size or Content-Type");
        }
        return new KeptFileTransfer(UUID.fromString(id), Long.parseLong(size), type, fields);
    }
}
