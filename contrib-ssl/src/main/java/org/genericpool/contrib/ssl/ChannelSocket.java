package org.genericpool.contrib.ssl;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.net.SocketOption;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.util.Set;

/**
 * The plain socket under an {@link javax.net.ssl.SSLSocket} of {@link SslConnectionManager}: a
 * {@link Socket} that delegates to a blocking {@link SocketChannel}'s socket adaptor, with an
 * input stream that can look ahead without blocking.
 *
 * <p>Why: an {@code SSLSocket} has no non-blocking mode and no peek, so an aliveness check
 * could not tell a healthy TLS 1.3 connection with unread session tickets from one with
 * unsolicited data. Here the check {@linkplain #fill() reads what is waiting} into a look-ahead
 * buffer (switching the channel to non-blocking for that read only), then lets the
 * {@code SSLSocket} decode the complete records among it ({@link #allowCheckRead(int)}); when
 * the {@code SSLSocket} asks for more, the stream throws {@link SocketTimeoutException} at once,
 * which the JDK's {@code SSLSocket} passes on without closing the connection. Normal reads
 * take the look-ahead bytes first, then read the channel.
 *
 * <p>Thread-safety: stream reads and checks synchronize on the input stream; a check runs only
 * on an idle connection.
 */
final class ChannelSocket extends Socket {

    /** Largest TLS record (header + 2^14 + 2048 expansion) times a few. */
    private static final int LOOKAHEAD = 4 * (5 + 16384 + 2048);

    private final SocketChannel channel;
    private final Socket adaptor;
    private final LookaheadInput input;
    private final NonBlockingCloseOutput output;

    ChannelSocket(SocketChannel channel) throws IOException {
        super((java.net.SocketImpl) null);
        this.channel = channel;
        this.adaptor = channel.socket();
        this.input = new LookaheadInput(adaptor.getInputStream());
        this.output = new NonBlockingCloseOutput(adaptor.getOutputStream());
    }

    SocketChannel channel() {
        return channel;
    }

    // ------------------------------------------------------------ aliveness support

    /** Result of {@link #fill()}: bytes now buffered, and whether the stream ended or failed. */
    record Fill(int buffered, boolean ended) {
    }

    /**
     * Reads, without blocking, what the socket has waiting into the look-ahead buffer.
     *
     * @throws IOException if the read fails (a reset connection)
     */
    Fill fill() throws IOException {
        synchronized (input) {
            boolean ended = false;
            ByteBuffer buf = input.pending;
            buf.compact();
            try {
                synchronized (channel.blockingLock()) {
                    channel.configureBlocking(false);
                    try {
                        for (int i = 0; i < 4 && buf.hasRemaining(); i++) {
                            int n = channel.read(buf);
                            if (n < 0) {
                                ended = true;
                                break;
                            }
                            if (n == 0) {
                                break;
                            }
                        }
                    } finally {
                        channel.configureBlocking(true);
                    }
                }
            } finally {
                buf.flip();
            }
            return new Fill(buf.remaining(), ended);
        }
    }

    /**
     * @return how many of the buffered bytes form complete TLS records (0 if none is complete),
     *         or -1 if the bytes are not TLS records at all ({@link TlsRecords#completeBytes})
     */
    int completeRecordBytes() {
        synchronized (input) {
            ByteBuffer b = input.pending;
            return TlsRecords.completeBytes(b, b.position(), b.limit());
        }
    }

    /** Lets the next reads take at most {@code bytes} look-ahead bytes, then time out at once; -1 ends that. */
    void allowCheckRead(int bytes) {
        synchronized (input) {
            input.checkAllowance = bytes;
        }
    }

    /** From now on, writes never wait: what the socket cannot take at once fails (used to close). */
    void writeWithoutWaiting() {
        output.noWait = true;
    }

    private final class LookaheadInput extends InputStream {
        private final InputStream in;
        final ByteBuffer pending = ByteBuffer.allocate(LOOKAHEAD).flip();
        int checkAllowance = -1;

        LookaheadInput(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            synchronized (this) {
                if (len == 0) {
                    return 0;
                }
                if (checkAllowance >= 0) {
                    int n = Math.min(len, Math.min(pending.remaining(), checkAllowance));
                    if (n == 0) {
                        throw new SocketTimeoutException("aliveness check: no further complete record");
                    }
                    pending.get(b, off, n);
                    checkAllowance -= n;
                    return n;
                }
                if (pending.hasRemaining()) {
                    int n = Math.min(len, pending.remaining());
                    pending.get(b, off, n);
                    return n;
                }
            }
            return in.read(b, off, len);
        }

        @Override
        public int available() throws IOException {
            synchronized (this) {
                if (checkAllowance >= 0) {
                    return Math.min(pending.remaining(), checkAllowance);
                }
                if (pending.hasRemaining()) {
                    return pending.remaining();
                }
            }
            return in.available();
        }

        @Override
        public void close() throws IOException {
            ChannelSocket.this.close();
        }
    }

    private final class NonBlockingCloseOutput extends OutputStream {
        private final OutputStream out;
        volatile boolean noWait;

        NonBlockingCloseOutput(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!noWait) {
                out.write(b, off, len);
                return;
            }
            ByteBuffer buf = ByteBuffer.wrap(b, off, len);
            synchronized (channel.blockingLock()) {
                channel.configureBlocking(false);
                try {
                    channel.write(buf);
                } finally {
                    channel.configureBlocking(true);
                }
            }
            if (buf.hasRemaining()) {
                throw new IOException("closing: the socket buffer is full, close_notify not sent");
            }
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            ChannelSocket.this.close();
        }
    }

    // ------------------------------------------------------------ Socket, delegated

    @Override
    public InputStream getInputStream() {
        return input;
    }

    @Override
    public OutputStream getOutputStream() {
        return output;
    }

    @Override
    public java.nio.channels.SocketChannel getChannel() {
        return null;
    }

    @Override
    public void connect(SocketAddress endpoint) throws IOException {
        adaptor.connect(endpoint);
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
        adaptor.connect(endpoint, timeout);
    }

    @Override
    public void bind(SocketAddress bindpoint) throws IOException {
        adaptor.bind(bindpoint);
    }

    @Override
    public InetAddress getInetAddress() {
        return adaptor.getInetAddress();
    }

    @Override
    public InetAddress getLocalAddress() {
        return adaptor.getLocalAddress();
    }

    @Override
    public int getPort() {
        return adaptor.getPort();
    }

    @Override
    public int getLocalPort() {
        return adaptor.getLocalPort();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
        return adaptor.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
        return adaptor.getLocalSocketAddress();
    }

    @Override
    public void setTcpNoDelay(boolean on) throws SocketException {
        adaptor.setTcpNoDelay(on);
    }

    @Override
    public boolean getTcpNoDelay() throws SocketException {
        return adaptor.getTcpNoDelay();
    }

    @Override
    public void setSoLinger(boolean on, int linger) throws SocketException {
        adaptor.setSoLinger(on, linger);
    }

    @Override
    public int getSoLinger() throws SocketException {
        return adaptor.getSoLinger();
    }

    @Override
    public void sendUrgentData(int data) throws IOException {
        adaptor.sendUrgentData(data);
    }

    @Override
    public void setOOBInline(boolean on) throws SocketException {
        adaptor.setOOBInline(on);
    }

    @Override
    public boolean getOOBInline() throws SocketException {
        return adaptor.getOOBInline();
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
        adaptor.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
        return adaptor.getSoTimeout();
    }

    @Override
    public void setSendBufferSize(int size) throws SocketException {
        adaptor.setSendBufferSize(size);
    }

    @Override
    public int getSendBufferSize() throws SocketException {
        return adaptor.getSendBufferSize();
    }

    @Override
    public void setReceiveBufferSize(int size) throws SocketException {
        adaptor.setReceiveBufferSize(size);
    }

    @Override
    public int getReceiveBufferSize() throws SocketException {
        return adaptor.getReceiveBufferSize();
    }

    @Override
    public void setKeepAlive(boolean on) throws SocketException {
        adaptor.setKeepAlive(on);
    }

    @Override
    public boolean getKeepAlive() throws SocketException {
        return adaptor.getKeepAlive();
    }

    @Override
    public void setTrafficClass(int tc) throws SocketException {
        adaptor.setTrafficClass(tc);
    }

    @Override
    public int getTrafficClass() throws SocketException {
        return adaptor.getTrafficClass();
    }

    @Override
    public void setReuseAddress(boolean on) throws SocketException {
        adaptor.setReuseAddress(on);
    }

    @Override
    public boolean getReuseAddress() throws SocketException {
        return adaptor.getReuseAddress();
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public void shutdownInput() throws IOException {
        adaptor.shutdownInput();
    }

    @Override
    public void shutdownOutput() throws IOException {
        adaptor.shutdownOutput();
    }

    @Override
    public String toString() {
        return "ChannelSocket[" + adaptor + "]";
    }

    @Override
    public boolean isConnected() {
        return adaptor.isConnected();
    }

    @Override
    public boolean isBound() {
        return adaptor.isBound();
    }

    @Override
    public boolean isClosed() {
        return !channel.isOpen();
    }

    @Override
    public boolean isInputShutdown() {
        return adaptor.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
        return adaptor.isOutputShutdown();
    }

    @Override
    public void setPerformancePreferences(int connectionTime, int latency, int bandwidth) {
        adaptor.setPerformancePreferences(connectionTime, latency, bandwidth);
    }

    @Override
    public <T> Socket setOption(SocketOption<T> name, T value) throws IOException {
        adaptor.setOption(name, value);
        return this;
    }

    @Override
    public <T> T getOption(SocketOption<T> name) throws IOException {
        return adaptor.getOption(name);
    }

    @Override
    public Set<SocketOption<?>> supportedOptions() {
        return adaptor.supportedOptions();
    }
}
