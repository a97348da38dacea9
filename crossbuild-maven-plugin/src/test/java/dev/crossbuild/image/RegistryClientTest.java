package dev.crossbuild.image;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossbuild.core.MachineException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The registry client's wait: a peer on 127.0.0.1 that accepts the connection and then never answers (a hang no
 * real registry can be made to produce on purpose) fails after the timeout, naming it; one that answers slowly
 * but steadily is waited for.
 */
class RegistryClientTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A server socket whose connections are each handed to the peer, on its own thread. */
    private int serve(Peer peer) throws Exception {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        open.add(server);
        Thread accepting = new Thread(() -> {
            try {
                while (true) {
                    Socket socket = server.accept();
                    open.add(socket);
                    Thread t = new Thread(() -> {
                        try {
                            peer.talk(socket.getInputStream(), socket.getOutputStream());
                        } catch (Exception closed) {
                            // the test is over
                        }
                    });
                    t.setDaemon(true);
                    t.start();
                }
            } catch (Exception closed) {
                // the test is over
            }
        });
        accepting.setDaemon(true);
        accepting.start();
        return server.getLocalPort();
    }

    @FunctionalInterface
    private interface Peer {
        void talk(InputStream in, OutputStream out) throws Exception;
    }

    private static RegistryClient client(int port, Duration timeout) throws Exception {
        return new RegistryClient(ImageName.parse("127.0.0.1:" + port + "/acme/hello:1.0", "<image><name>"),
                RegistryClient.Credentials.NONE, true, timeout);
    }

    @Test
    void aRegistryThatNeverAnswersFailsAfterTheTimeoutNamingIt() throws Exception {
        int port = serve((in, out) -> Thread.sleep(60_000));
        long start = System.nanoTime();
        assertThatThrownBy(() -> client(port, Duration.ofSeconds(1)).getManifest("1.0"))
                .isInstanceOf(MachineException.class)
                .hasMessageContaining("the registry 127.0.0.1:" + port + " sent and took nothing for 1 s")
                .hasMessageContaining("GET http://127.0.0.1:" + port + "/v2/acme/hello/manifests/1.0")
                .hasMessageContaining("-Dcrossbuild.image.timeout=SECONDS");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        // a HEAD, as push-image starts with
        assertThatThrownBy(() -> client(port, Duration.ofSeconds(1)).hasBlob("sha256:" + "0".repeat(64)))
                .isInstanceOf(MachineException.class).hasMessageContaining("sent and took nothing for 1 s");
    }

    @Test
    void aSlowButSteadyAnswerIsWaitedFor() throws Exception {
        byte[] body = "{\"schemaVersion\":2}".getBytes(StandardCharsets.UTF_8);
        int port = serve((in, out) -> {
            // read the request's head, then answer a byte every 100 ms: 2 s in all, twice the timeout
            byte[] buffer = new byte[4096];
            StringBuilder head = new StringBuilder();
            while (!head.toString().contains("\r\n\r\n")) {
                int n = in.read(buffer);
                if (n < 0) {
                    return;
                }
                head.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
            }
            out.write(("HTTP/1.1 200 OK\r\nContent-Type: " + Oci.MANIFEST + "\r\nContent-Length: " + body.length
                    + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            for (byte b : body) {
                Thread.sleep(100);
                out.write(b);
                out.flush();
            }
        });
        long start = System.nanoTime();
        Map.Entry<String, byte[]> manifest = client(port, Duration.ofSeconds(1)).getManifest("1.0").orElseThrow();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofSeconds(1));
        assertThat(manifest.getKey()).isEqualTo(Oci.MANIFEST);
        assertThat(manifest.getValue()).isEqualTo(body);
    }
}
