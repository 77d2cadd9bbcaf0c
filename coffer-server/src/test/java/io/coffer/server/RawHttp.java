package io.coffer.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PushbackInputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One raw HTTP/1.1 connection (java.net.Socket) for tests that must control every byte and its
 * timing: half-sent headers, stalled bodies, pipelining, connections a client never finishes.
 */
final class RawHttp implements AutoCloseable {

    /** One response read off the wire. */
    record Response(int status, String body) {
    }

    private final Socket socket;
    private final OutputStream out;
    private final PushbackInputStream in;

    private RawHttp(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
        this.in = new PushbackInputStream(socket.getInputStream(), 1);
    }

    /** Connects to {@code server} from loopback address {@code from}, reads waiting at most {@code readTimeoutMillis}. */
    static RawHttp connect(CofferServer server, String from, int readTimeoutMillis) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
        socket.connect(server.address(), 5_000);
        socket.setSoTimeout(readTimeoutMillis);
        return new RawHttp(socket);
    }

    static RawHttp connect(CofferServer server, int readTimeoutMillis) throws IOException {
        return connect(server, "127.0.0.1", readTimeoutMillis);
    }

    RawHttp send(String ascii) throws IOException {
        return send(ascii.getBytes(StandardCharsets.US_ASCII));
    }

    RawHttp send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        return this;
    }

    RawHttp readTimeout(int millis) throws IOException {
        socket.setSoTimeout(millis);
        return this;
    }

    /** Whether nothing arrives (no byte, no close) within the read timeout. */
    boolean nothingToRead() throws IOException {
        try {
            int b = next();
            if (b >= 0) {
                in.unread(b);
            }
            return false;
        } catch (SocketTimeoutException e) {
            return true;
        }
    }

    /** Reads one response (status line, headers, a Content-Length body). */
    Response response() throws IOException {
        String statusLine = readLine();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        int length = 0;
        for (String line = readLine(); !line.isEmpty(); line = readLine()) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                length = Integer.parseInt(lower.substring("content-length:".length()).trim());
            }
        }
        byte[] body = in.readNBytes(length);
        if (body.length != length) {
            throw new IOException("connection closed mid-body");
        }
        return new Response(status, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Whether the server closed the connection (end of stream or reset) within the read timeout,
     * discarding anything it still sent.
     */
    boolean closedByServer() throws IOException {
        long deadline = System.nanoTime() + socket.getSoTimeout() * 1_000_000L;
        byte[] drain = new byte[64 * 1024];
        try {
            while (System.nanoTime() < deadline) {
                if (in.read(drain) < 0) {
                    return true;
                }
            }
            return false; // still sending when the time was up
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SocketException reset) {
            return true;
        }
    }

    /** Whether the server closed the connection without sending anything, before the read timeout. */
    boolean closedQuietlyByServer() throws IOException {
        try {
            return next() < 0;
        } catch (SocketTimeoutException e) {
            return false;
        }
    }

    /** The next byte, or -1 at the end of the stream or on a reset. */
    private int next() throws IOException {
        try {
            return in.read();
        } catch (SocketException reset) {
            return -1;
        }
    }

    /** Closes with a reset rather than a FIN, as a client that vanished does. */
    void abort() throws IOException {
        socket.setSoLinger(true, 0);
        socket.close();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    private String readLine() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                throw new IOException("connection closed mid-response");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
