package org.opencpm.msrp.testkit;

import java.io.ByteArrayInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Files for transfer tests: a source that fails part-way, and the RFC 5547 hash of a file. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The file's bytes, the read failing once {@code cut} of them were read (a client losing its disk or link). */
    public static InputStream failingAfter(byte[] file, long cut) {
        return new FilterInputStream(new ByteArrayInputStream(file)) {
            private long read;

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (read >= cut) {
                    throw new IOException("link lost");
                }
                int n = super.read(b, off, (int) Math.min(len, cut - read));
                read += Math.max(n, 0);
                return n;
            }
        };
    }

    /** The RFC 5547 sec 6 form of the file's SHA-1: upper-case hex pairs joined by colons. */
    public static String sha1(byte[] file) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(file);
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
