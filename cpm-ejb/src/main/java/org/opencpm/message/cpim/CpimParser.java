package org.opencpm.message.cpim;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Splits raw {@code message/cpim} into its message headers, MIME content headers and body (RFC 3862 sec 2), each
 * header block ended by a blank line. Lines end in CRLF or, leniently, a bare LF; the body is taken byte for byte.
 */
final class CpimParser {

    private final byte[] raw;
    // RFC 3862 sec 3.2: header text is UTF-8; a broken sequence is an error, not a replacement character.
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private int pos;

    private CpimParser(byte[] raw) {
        this.raw = raw;
    }

    static CpimMessage parse(byte[] raw) {
        if (raw.length > CpimMessage.MAX_MESSAGE_SIZE) {
            throw new CpimFormatException(CpimRules.MESSAGE_TOO_LARGE);
        }
        CpimParser parser = new CpimParser(raw);
        List<CpimHeader> headers = parser.block(true);
        List<CpimHeader> contentHeaders = parser.block(false);
        return CpimMessage.of(headers, contentHeaders, Arrays.copyOfRange(raw, parser.pos, raw.length));
    }

    private List<CpimHeader> block(boolean messageHeaders) {
        int start = pos;
        List<CpimHeader> block = new ArrayList<>();
        while (true) {
            int lf = indexOfLf(pos);
            if (lf < 0) {
                throw new CpimFormatException(messageHeaders
                        ? "CPIM message headers not followed by a blank line"
                        : "CPIM content headers not followed by a blank line");
            }
            // Checked before the line is decoded: an oversized block is refused without parsing its headers.
            if (lf + 1 - start > CpimMessage.MAX_HEADER_BLOCK_SIZE) {
                throw new CpimFormatException(CpimRules.BLOCK_TOO_LARGE);
            }
            int lineStart = pos;
            int lineEnd = lf > lineStart && raw[lf - 1] == '\r' ? lf - 1 : lf;
            pos = lf + 1;
            if (lineEnd == lineStart) {
                return block;
            }
            if (block.size() == CpimMessage.MAX_HEADERS) {
                throw new CpimFormatException(CpimRules.TOO_MANY_HEADERS);
            }
            String line = decode(lineStart, lineEnd);
            block.add(messageHeaders ? messageHeader(line) : contentHeader(line));
        }
    }

    private int indexOfLf(int from) {
        for (int i = from; i < raw.length; i++) {
            if (raw[i] == '\n') {
                return i;
            }
        }
        return -1;
    }

    private String decode(int from, int to) {
        String line;
        try {
            line = utf8.decode(ByteBuffer.wrap(raw, from, to - from)).toString();
        } catch (CharacterCodingException e) {
            throw new CpimFormatException("CPIM header is not valid UTF-8");
        }
        if (line.indexOf('\r') >= 0) {
            throw new CpimFormatException("CPIM header line has a bare CR");
        }
        // The RFC 3862 grammar has no folding, and unfolding differently from the next parser in line is how
        // headers get smuggled; a line starting with whitespace is refused in both blocks.
        if (CpimSyntax.isWhitespace(line.charAt(0))) {
            throw new CpimFormatException("CPIM header folding not allowed");
        }
        return line;
    }

    private static int colon(String line) {
        int colon = line.indexOf(':');
        if (colon < 0) {
            throw new CpimFormatException("CPIM header line without colon");
        }
        if (colon == 0) {
            throw new CpimFormatException("CPIM header with empty name");
        }
        return colon;
    }

    /** RFC 3862 sec 3.6: Header-name ":" *( ";" Parameter ) SP Header-value. */
    private static CpimHeader messageHeader(String line) {
        int colon = colon(line);
        String name = line.substring(0, colon);
        if (!CpimSyntax.isHeaderName(name)) {
            throw new CpimFormatException("CPIM header name malformed");
        }
        int valueStart = colon + 1;
        String parameters = "";
        if (valueStart < line.length() && line.charAt(valueStart) == ';') {
            int end = CpimSyntax.parametersEnd(line, valueStart);
            if (end < 0 || end == line.length() || line.charAt(end) != ' ') {
                throw CpimRules.malformedParameter(name);
            }
            parameters = line.substring(valueStart, end);
            valueStart = end;
        }
        return new CpimHeader(name, CpimSyntax.strip(line.substring(valueStart)), parameters);
    }

    private static CpimHeader contentHeader(String line) {
        int colon = colon(line);
        return new CpimHeader(line.substring(0, colon), CpimSyntax.strip(line.substring(colon + 1)));
    }
}
