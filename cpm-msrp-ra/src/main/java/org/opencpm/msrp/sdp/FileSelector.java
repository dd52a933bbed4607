package org.opencpm.msrp.sdp;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The {@code a=file-selector} attribute of RFC 5547 (sec 5 and 6): what identifies the file offered or asked for,
 * by any of its name, type, size and hashes. Written {@code name:"My cool picture.jpg" type:image/jpeg size:32349
 * hash:sha-1:72:24:...}: selectors separated by a space, the name quoted with {@code %}, {@code "}, NUL, CR and LF
 * percent-encoded (and decoded here as UTF-8). Each selector at most once, except hashes of different algorithms.
 * Without any selector the attribute is written bare ({@code a=file-selector}).
 */
public final class FileSelector {

    /** The longest file name taken, in characters once decoded. */
    public static final int MAX_NAME_LENGTH = 1024;
    public static final int MAX_HASHES = 4;
    static final String ATTRIBUTE = "file-selector";

    private final String name;
    private final FileType type;
    private final long size;
    private final List<FileHash> hashes;

    private FileSelector(Builder b) {
        if (b.name != null && (b.name.isEmpty() || b.name.length() > MAX_NAME_LENGTH)) {
            throw FileSyntax.malformed(ATTRIBUTE, "name of 1 to " + MAX_NAME_LENGTH + " characters expected");
        }
        if (b.size < -1) {
            throw FileSyntax.malformed(ATTRIBUTE, "negative size");
        }
        if (b.hashes.size() > MAX_HASHES) {
            throw FileSyntax.malformed(ATTRIBUTE, "more than " + MAX_HASHES + " hashes");
        }
        for (int i = 0; i < b.hashes.size(); i++) {
            for (int j = 0; j < i; j++) {
                if (b.hashes.get(i).isAlgorithm(b.hashes.get(j).algorithm())) {
                    throw FileSyntax.malformed(ATTRIBUTE, "two hashes of " + b.hashes.get(i).algorithm());
                }
            }
        }
        this.name = b.name;
        this.type = b.type;
        this.size = b.size;
        this.hashes = List.copyOf(b.hashes);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Parses the value of the attribute: what follows {@code a=file-selector:}, or null for the bare attribute.
     *
     * @throws SdpFormatException saying what is malformed
     */
    public static FileSelector parse(String value) {
        Builder b = builder();
        if (value == null) {
            return b.build();
        }
        if (value.isEmpty()) {
            throw FileSyntax.malformed(ATTRIBUTE, "no selector after the colon");
        }
        boolean named = false;
        boolean typed = false;
        boolean sized = false;
        int at = 0;
        while (at < value.length()) {
            int end = selectorEnd(value, at);
            String selector = value.substring(at, end);
            if (selector.startsWith("name:")) {
                named = once(named, "name");
                String quoted = FileSyntax.quotedAfter(ATTRIBUTE, selector, 5, "name");
                if (5 + quoted.length() + 2 != selector.length()) {
                    throw FileSyntax.malformed(ATTRIBUTE, "text after the quoted name");
                }
                b.name(FileSyntax.decodeFilename(ATTRIBUTE, quoted));
            } else if (selector.startsWith("type:")) {
                typed = once(typed, "type");
                b.type(FileType.parse(selector.substring(5)));
            } else if (selector.startsWith("size:")) {
                sized = once(sized, "size");
                // Zero taken too, for an empty file, though an RFC 4566 integer starts at 1.
                b.size(FileSyntax.integer(ATTRIBUTE, "size", selector.substring(5), true));
            } else if (selector.startsWith("hash:")) {
                b.hash(FileHash.parse(selector.substring(5)));
            } else {
                throw FileSyntax.malformed(ATTRIBUTE, "unknown selector");
            }
            at = end + 1;
            if (end < value.length() && at == value.length()) {
                throw FileSyntax.malformed(ATTRIBUTE, "space at the end");
            }
        }
        return b.build();
    }

    /** Where the selector starting at {@code from} ends: the next space outside quotes, or the end. */
    private static int selectorEnd(String value, int from) {
        boolean quoted = false;
        for (int i = from; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (i == from) {
                    throw FileSyntax.malformed(ATTRIBUTE, "selectors not separated by one space");
                }
                return i;
            }
        }
        return value.length();
    }

    private static boolean once(boolean seen, String selector) {
        if (seen) {
            throw FileSyntax.malformed(ATTRIBUTE, selector + " given twice");
        }
        return true;
    }

    /** The file name, decoded. */
    public Optional<String> name() {
        return Optional.ofNullable(name);
    }

    public Optional<FileType> type() {
        return Optional.ofNullable(type);
    }

    /** The file size in bytes. */
    public OptionalLong size() {
        return size < 0 ? OptionalLong.empty() : OptionalLong.of(size);
    }

    public List<FileHash> hashes() {
        return hashes;
    }

    /** The hash of {@code algorithm}, e.g. {@code sha-1}. */
    public Optional<FileHash> hash(String algorithm) {
        return hashes.stream().filter(h -> h.isAlgorithm(algorithm)).findFirst();
    }

    /** Whether no selector is given: the bare {@code a=file-selector}. */
    public boolean isEmpty() {
        return name == null && type == null && size < 0 && hashes.isEmpty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileSelector f && Objects.equals(name, f.name) && Objects.equals(type, f.type)
                && size == f.size && hashes.equals(f.hashes);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, type, size, hashes);
    }

    /** The attribute value as written after {@code a=file-selector:}: name, type, size, hashes; empty when bare. */
    @Override
    public String toString() {
        List<String> selectors = new ArrayList<>(3 + hashes.size());
        if (name != null) {
            selectors.add("name:\"" + FileSyntax.encodeFilename(name) + '"');
        }
        if (type != null) {
            selectors.add("type:" + type);
        }
        if (size >= 0) {
            selectors.add("size:" + size);
        }
        hashes.forEach(h -> selectors.add("hash:" + h));
        return String.join(" ", selectors);
    }

    /** Builds a selector; {@link #build()} checks the bounds. */
    public static final class Builder {

        private String name;
        private FileType type;
        private long size = -1;
        private final List<FileHash> hashes = new ArrayList<>();

        private Builder() {
        }

        /** The file name, as it is: it is percent-encoded when written. */
        public Builder name(String value) {
            this.name = Objects.requireNonNull(value, "name");
            return this;
        }

        public Builder type(FileType value) {
            this.type = Objects.requireNonNull(value, "type");
            return this;
        }

        public Builder size(long value) {
            this.size = value;
            return this;
        }

        public Builder hash(FileHash value) {
            hashes.add(Objects.requireNonNull(value, "hash"));
            return this;
        }

        /** @throws SdpFormatException if a bound is broken or two hashes share an algorithm */
        public FileSelector build() {
            return new FileSelector(this);
        }
    }
}
