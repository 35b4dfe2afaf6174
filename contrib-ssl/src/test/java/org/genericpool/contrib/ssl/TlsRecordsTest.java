package org.genericpool.contrib.ssl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;

import org.junit.jupiter.api.Test;

/** The record framing the aliveness checks judge waiting bytes by. */
class TlsRecordsTest {

    private static int judge(int... bytes) {
        ByteBuffer b = ByteBuffer.allocate(bytes.length + 3);
        b.put(new byte[] {7, 7, 7}); // judged from an offset, as in a look-ahead buffer
        for (int v : bytes) {
            b.put((byte) v);
        }
        return TlsRecords.completeBytes(b, 3, b.position());
    }

    @Test
    void wholeRecordsAreCountedAndAPartialOneIsLeft() {
        assertEquals(10, judge(22, 3, 3, 0, 5, 1, 2, 3, 4, 5));
        assertEquals(14, judge(23, 3, 3, 0, 2, 9, 9, 21, 3, 3, 0, 2, 1, 0, 23, 3)); // two of 7 bytes, then a header begun
        assertEquals(0, judge(23, 3, 3, 0x40, 0x00, 1)); // a long record still arriving
    }

    @Test
    void everyPrefixOfAValidHeaderIsStillPossibleTls() {
        assertEquals(0, judge(23));
        assertEquals(0, judge(23, 3));
        assertEquals(0, judge(23, 3, 1));
        assertEquals(0, judge(20, 3, 4, 0x48));
    }

    @Test
    void bytesNoRecordCanStartWithAreNotTlsAtOnce() {
        assertEquals(-1, judge('X'));
        assertEquals(-1, judge('2', '2', '0', ' '));
        assertEquals(-1, judge(19));
        assertEquals(-1, judge(25));
        assertEquals(-1, judge(23, 2));
        assertEquals(-1, judge(23, 3, 5));
        assertEquals(-1, judge(23, 3, 3, 0x49));
        assertEquals(-1, judge(23, 3, 3, 0x48, 0x01));
        assertEquals(-1, judge(22, 3, 3, 0, 1, 0, 'X')); // a whole record, then something else
    }
}
