package org.genericpool.contrib.ssl;

import java.nio.ByteBuffer;

/**
 * The framing of TLS records as they arrive on the wire, for the aliveness checks: which of the
 * bytes waiting on an idle connection form whole records, and whether they can be TLS at all.
 * Each header byte is judged as soon as it has arrived, so that a stray byte or two that no record
 * can start with (a peer writing plain text onto the socket) makes the connection dead at once,
 * not only once five bytes are there. Stateless.
 */
final class TlsRecords {

    /** The header: content type (1 byte), protocol version (2), length (2). */
    static final int HEADER = 5;
    /** The largest record a peer may send: 2^14 bytes of plaintext plus TLS 1.2's 2,048 of expansion (TLS 1.3 allows less). */
    static final int MAX_RECORD = (1 << 14) + 2048;

    private TlsRecords() {
    }

    /**
     * @param b   bytes read from the transport (not changed)
     * @param pos where the first record starts
     * @param end where the bytes end
     * @return how many bytes from {@code pos} form complete records (0 if none is complete), or
     *         -1 if the bytes cannot be TLS records: a content type other than
     *         change_cipher_spec, alert, handshake, application_data or heartbeat (20-24), a
     *         version other than 3.0-3.4 (SSL 3.0 to TLS 1.3's legacy 3.3), or a longer record
     *         than TLS allows; a partial header is judged on the bytes it has
     */
    static int completeBytes(ByteBuffer b, int pos, int end) {
        int complete = 0;
        while (pos + complete < end) {
            int at = pos + complete;
            int have = end - at;
            int type = b.get(at) & 0xff;
            if (type < 20 || type > 24) {
                return -1;
            }
            if (have >= 2 && b.get(at + 1) != 3) {
                return -1;
            }
            if (have >= 3 && (b.get(at + 2) & 0xff) > 4) {
                return -1;
            }
            if (have >= 4 && ((b.get(at + 3) & 0xff) << 8) > MAX_RECORD) {
                return -1;
            }
            if (have < HEADER) {
                break;
            }
            int len = ((b.get(at + 3) & 0xff) << 8) | (b.get(at + 4) & 0xff);
            if (len > MAX_RECORD) {
                return -1;
            }
            if (have < HEADER + len) {
                break;
            }
            complete += HEADER + len;
        }
        return complete;
    }
}
