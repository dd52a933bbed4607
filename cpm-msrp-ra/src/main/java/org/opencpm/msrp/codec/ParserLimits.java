package org.opencpm.msrp.codec;

/**
 * The bounds a {@link FrameParser} holds each frame to. The header section (start line and headers, line ends
 * included) is buffered and so is bounded tightly; a body is never buffered, so its bound protects the receiving
 * application rather than the parser.
 *
 * @param maxHeaderBytes largest start line plus header section
 * @param maxHeaders most header lines in one frame
 * @param maxBodyBytes largest body of one chunk; beyond it the frame is refused with 413
 */
public record ParserLimits(int maxHeaderBytes, int maxHeaders, long maxBodyBytes) {

    /**
     * 16 KiB of headers and 64 of them leave room for long relay paths; 1 GiB per chunk lets a file that a client
     * sends as one chunk through while still bounding the stream.
     */
    public static final ParserLimits DEFAULTS = new ParserLimits(16 * 1024, 64, 1L << 30);

    public ParserLimits {
        if (maxHeaderBytes < 64 || maxHeaders < 2 || maxBodyBytes < 0) {
            throw new IllegalArgumentException("parser limits too small");
        }
    }

    /** The same limits with another body bound. */
    public ParserLimits withMaxBodyBytes(long max) {
        return new ParserLimits(maxHeaderBytes, maxHeaders, max);
    }
}
