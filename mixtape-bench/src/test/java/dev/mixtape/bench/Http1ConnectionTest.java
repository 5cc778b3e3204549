package dev.mixtape.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The minimal HTTP/1.1 client against a scripted server on the loopback interface. */
class Http1ConnectionTest {
    /** Serves each connection the given raw responses, one per request, then closes it. */
    private static ServerSocket server(AtomicInteger accepted, List<List<String>> perConnection) throws IOException {
        ServerSocket ss = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread t = new Thread(() -> {
            try {
                for (List<String> responses : perConnection) {
                    try (Socket s = ss.accept()) {
                        accepted.incrementAndGet();
                        BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
                        OutputStream out = s.getOutputStream();
                        for (String response : responses) {
                            String line;
                            while ((line = in.readLine()) != null && !line.isEmpty()) {
                                // request head
                            }
                            out.write(response.getBytes(StandardCharsets.UTF_8));
                            out.flush();
                        }
                    }
                }
            } catch (IOException e) {
                // test over
            }
        });
        t.setDaemon(true);
        t.start();
        return ss;
    }

    private static byte[] get() {
        return HttpLoad.request("GET", "/x", "Host: 127.0.0.1\r\n");
    }

    @Test
    void readsLengthChunkedAndCloseDelimitedBodiesOnOneKeptAliveConnection() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket ss = server(accepted, List.of(List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",
                "HTTP/1.1 404 Not Found\r\nTransfer-Encoding: chunked\r\n\r\n3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nX-Trailer: 1\r\n\r\n",
                "HTTP/1.1 200 OK\r\nConnection: close\r\n\r\nuntil the end")));
             Http1Connection c = new Http1Connection(new InetSocketAddress(ss.getInetAddress(), ss.getLocalPort()), 2000)) {
            Http1Connection.Response a = c.exchange(get(), true);
            assertThat(a.status()).isEqualTo(200);
            assertThat(a.bodyText(100)).isEqualTo("hello");
            Http1Connection.Response b = c.exchange(get(), true);
            assertThat(b.status()).isEqualTo(404);
            assertThat(b.bodyText(100)).isEqualTo("abcde");
            Http1Connection.Response d = c.exchange(get(), false);
            assertThat(d.status()).isEqualTo(200);
            assertThat(d.length()).isEqualTo("until the end".length());
            assertThat(c.connects()).isEqualTo(1);
            assertThat(accepted.get()).isEqualTo(1);
        }
    }

    @Test
    void aKeptAliveConnectionClosedByTheServerIsReopenedOnce() throws Exception {
        AtomicInteger accepted = new AtomicInteger();
        try (ServerSocket ss = server(accepted, List.of(
                List.of("HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok"),
                List.of("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nagain")));
             Http1Connection c = new Http1Connection(new InetSocketAddress(ss.getInetAddress(), ss.getLocalPort()), 2000)) {
            assertThat(c.exchange(get(), true).bodyText(10)).isEqualTo("ok");
            Thread.sleep(100); // the server has closed the first connection by now
            assertThat(c.exchange(get(), true).bodyText(10)).isEqualTo("again");
            assertThat(c.connects()).isEqualTo(2);
            assertThat(c.retries()).isEqualTo(1);
        }
    }
}
