package org.opencpm.msrp.stack;

import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.SplittableRandom;

/**
 * A message of any size made up as it is read, never held whole: bytes from a seeded generator, so the receiver
 * can be checked against {@link #digest()} byte for byte. It includes the line ends and dashes an end-line is made
 * of, so that the writers' end-line guard is exercised too.
 */
final class Payload {

    final long size;
    final long seed;

    Payload(long size, long seed) {
        this.size = size;
        this.seed = seed;
    }

    InputStream stream() {
        return new InputStream() {
            private final SplittableRandom random = new SplittableRandom(seed);
            private long left = size;

            @Override
            public int read() {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (left == 0) {
                    return -1;
                }
                int n = (int) Math.min(len, left);
                for (int i = 0; i < n; i++) {
                    int r = random.nextInt(64);
                    b[off + i] = (byte) (r == 0 ? '\r' : r == 1 ? '\n' : r < 8 ? '-' : 'a' + r % 26);
                }
                left -= n;
                return n;
            }
        };
    }

    String digest() {
        MessageDigest md = sha256();
        byte[] buffer = new byte[8192];
        try (InputStream in = stream()) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                md.update(buffer, 0, n);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static byte[] text(int size) {
        byte[] b = new byte[size];
        Arrays.fill(b, (byte) 'x');
        return b;
    }
}
