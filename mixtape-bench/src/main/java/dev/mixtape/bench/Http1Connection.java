package dev.mixtape.bench;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * One persistent (keep-alive) HTTP/1.1 connection with one request in flight at a time: a minimal
 * blocking client over a plain socket, so that N of them are exactly N connections and N in-flight
 * requests, with no client-side pool or executor in between. Understands Content-Length, chunked
 * and close-delimited bodies. Reconnects by itself after the server closes the connection; a request
 * on a reused connection that the server had already closed (EOF before any response byte) is sent
 * again once on a fresh connection, as HTTP clients do for idempotent requests.
 * Not thread-safe: one per worker thread.
 */
final class Http1Connection implements Closeable {
    private static final int MAX_LINE = 16 * 1024;

    /** A response: its status, its body if it was asked for, and the body's length. */
    record Response(int status, byte[] body, long length) {
        String bodyText(int max) {
            if (body == null) {
                return "";
            }
            String s = new String(body, StandardCharsets.UTF_8);
            return s.length() <= max ? s : s.substring(0, max) + "...";
        }
    }

    private final InetSocketAddress address;
    private final int timeoutMillis;
    private final byte[] drain = new byte[32 * 1024];
    private final StringBuilder line = new StringBuilder(128);
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private boolean reused;
    private long connects;
    private long retries;

    Http1Connection(InetSocketAddress address, int timeoutMillis) {
        this.address = address;
        this.timeoutMillis = timeoutMillis;
    }

    /** Opens the connection now (otherwise the first request does). */
    void connect() throws IOException {
        close();
        Socket s = new Socket();
        try {
            s.setTcpNoDelay(true);
            s.setKeepAlive(true);
            s.connect(address, timeoutMillis);
            s.setSoTimeout(timeoutMillis);
        } catch (IOException e) {
            s.close();
            throw e;
        }
        socket = s;
        in = new BufferedInputStream(s.getInputStream(), 64 * 1024);
        out = s.getOutputStream();
        reused = false;
        connects++;
    }

    /** TCP connections opened so far. */
    long connects() {
        return connects;
    }

    /** Requests sent again after finding a reused connection closed by the server. */
    long retries() {
        return retries;
    }

    /**
     * Sends {@code request} (a complete HTTP/1.1 request head) and reads the whole response.
     *
     * @param keepBody whether to return the body bytes (otherwise they are read and dropped)
     */
    Response exchange(byte[] request, boolean keepBody) throws IOException {
        if (socket == null) {
            connect();
        }
        boolean wasReused = reused;
        try {
            return send(request, keepBody);
        } catch (NoResponseException e) {
            close();
            if (!wasReused) {
                throw e;
            }
            retries++;
            connect();
            try {
                return send(request, keepBody);
            } catch (IOException again) {
                close();
                throw again;
            }
        } catch (IOException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private Response send(byte[] request, boolean keepBody) throws IOException {
        String status;
        line.setLength(0);
        try {
            out.write(request);
            out.flush();
            status = readLine();
        } catch (java.net.SocketException e) {
            if (!line.isEmpty()) {
                throw e;
            }
            throw new NoResponseException(e);
        }
        if (status == null) {
            throw new NoResponseException(null);
        }
        while (true) {
            int code = statusCode(status);
            Response r = readRest(code, status.startsWith("HTTP/1.0"), keepBody);
            if (code >= 100 && code < 200) { // interim response: the real one follows
                status = readLine();
                if (status == null) {
                    throw new EOFException("connection closed after an interim " + code + " response");
                }
                continue;
            }
            return r;
        }
    }

    private Response readRest(int code, boolean http10, boolean keepBody) throws IOException {
        long length = -1;
        boolean chunked = false;
        boolean close = http10;
        while (true) {
            String h = readLine();
            if (h == null) {
                throw new EOFException("connection closed inside the response headers");
            }
            if (h.isEmpty()) {
                break;
            }
            int colon = h.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header line: '" + h + "'");
            }
            String name = h.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = h.substring(colon + 1).trim().toLowerCase(Locale.ROOT);
            switch (name) {
                case "content-length" -> {
                    try {
                        length = Long.parseLong(value);
                    } catch (NumberFormatException e) {
                        throw new IOException("malformed Content-Length: '" + value + "'");
                    }
                }
                case "transfer-encoding" -> chunked = value.contains("chunked");
                case "connection" -> {
                    if (value.contains("close")) {
                        close = true;
                    } else if (value.contains("keep-alive")) {
                        close = false;
                    }
                }
                default -> { }
            }
        }
        ByteArrayOutputStream body = keepBody ? new ByteArrayOutputStream() : null;
        long read = 0;
        if ((code >= 100 && code < 200) || code == 204 || code == 304) {
            // no body
        } else if (chunked) {
            while (true) {
                String sizeLine = readLine();
                if (sizeLine == null) {
                    throw new EOFException("connection closed inside a chunked body");
                }
                int semi = sizeLine.indexOf(';');
                long size;
                try {
                    size = Long.parseLong((semi < 0 ? sizeLine : sizeLine.substring(0, semi)).trim(), 16);
                } catch (NumberFormatException e) {
                    throw new IOException("malformed chunk size line: '" + sizeLine + "'");
                }
                if (size == 0) {
                    String trailer;
                    do {
                        trailer = readLine();
                        if (trailer == null) {
                            throw new EOFException("connection closed inside the chunked trailer");
                        }
                    } while (!trailer.isEmpty());
                    break;
                }
                readBody(size, body);
                read += size;
                if (!"".equals(readLine())) {
                    throw new IOException("missing CRLF after a chunk");
                }
            }
        } else if (length >= 0) {
            readBody(length, body);
            read = length;
        } else {
            read = readToEof(body);
            close = true;
        }
        reused = true;
        if (close) {
            close();
        }
        return new Response(code, body == null ? null : body.toByteArray(), read);
    }

    private void readBody(long n, ByteArrayOutputStream keep) throws IOException {
        while (n > 0) {
            int r = in.read(drain, 0, (int) Math.min(drain.length, n));
            if (r < 0) {
                throw new EOFException("connection closed with " + n + " body bytes still expected");
            }
            if (keep != null) {
                keep.write(drain, 0, r);
            }
            n -= r;
        }
    }

    private long readToEof(ByteArrayOutputStream keep) throws IOException {
        long total = 0;
        int r;
        while ((r = in.read(drain)) >= 0) {
            if (keep != null) {
                keep.write(drain, 0, r);
            }
            total += r;
        }
        return total;
    }

    /** One CRLF- (or LF-) terminated line in ISO-8859-1, without the terminator; null at EOF before any byte. */
    private String readLine() throws IOException {
        line.setLength(0);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                int len = line.length();
                if (len > 0 && line.charAt(len - 1) == '\r') {
                    line.setLength(len - 1);
                }
                return line.toString();
            }
            if (line.length() == MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.append((char) b);
        }
    }

    private static int statusCode(String status) throws IOException {
        // HTTP/1.1 200 OK
        if (!status.startsWith("HTTP/1.") || status.length() < 12 || status.charAt(8) != ' ') {
            throw new IOException("malformed status line: '" + status + "'");
        }
        try {
            return Integer.parseInt(status.substring(9, 12));
        } catch (NumberFormatException e) {
            throw new IOException("malformed status line: '" + status + "'");
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
            socket = null;
            in = null;
            out = null;
        }
    }

    /** The server closed the connection without sending a byte of response. */
    static final class NoResponseException extends EOFException {
        NoResponseException(Throwable cause) {
            super("the server closed the connection without a response" + (cause == null ? "" : ": " + cause.getMessage()));
            initCause(cause);
        }
    }
}
