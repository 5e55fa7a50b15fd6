package dev.baton.console;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One HTTP/1.1 request over a plain socket whose local address is chosen: on Linux all of
 * {@code 127.0.0.0/8} is loopback, so tests can come "from" several addresses without leaving the host.
 */
public final class RawHttp {

    /** Status code and the whole response text (headers and body). */
    public record Response(int status, String text) {
        public String body() {
            int at = text.indexOf("\r\n\r\n");
            return at < 0 ? "" : text.substring(at + 4);
        }

        public String header(String name) {
            for (String line : text.split("\r\n")) {
                if (line.isEmpty()) {
                    break;
                }
                int colon = line.indexOf(':');
                if (colon > 0 && line.substring(0, colon).trim().equalsIgnoreCase(name)) {
                    return line.substring(colon + 1).trim();
                }
            }
            return null;
        }
    }

    private RawHttp() {
    }

    /** Opens a socket to {@code 127.0.0.1:port} from {@code localAddress}. */
    public static Socket connect(String localAddress, int port) throws IOException {
        Socket socket = new Socket();
        socket.bind(new InetSocketAddress(localAddress, 0));
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** A login attempt from {@code localAddress}, with a form token taken from {@code console}. */
    public static Response login(ConsoleFixture console, String localAddress, String username, String password,
                                 String... extraHeaders) {
        String token = formToken(localAddress, console.console.port());
        String body = "{\"username\":\"" + username + "\",\"password\":\"" + password + "\"}";
        StringBuilder headers = new StringBuilder();
        headers.append("Cookie: __Host-baton_csrf=").append(token).append("\r\n");
        headers.append("X-CSRF-Token: ").append(token).append("\r\n");
        headers.append("Content-Type: application/json\r\n");
        for (String header : extraHeaders) {
            headers.append(header).append("\r\n");
        }
        return send(localAddress, console.console.port(), "POST", "/api/login", headers.toString(), body);
    }

    /** {@code GET /api/csrf} from {@code localAddress}: the form token (also its cookie's value). */
    public static String formToken(String localAddress, int port) {
        String body = send(localAddress, port, "GET", "/api/csrf", "", "").body();
        int at = body.indexOf("\"csrfToken\":\"") + 13;
        return body.substring(at, body.indexOf('"', at));
    }

    public static Response send(String localAddress, int port, String method, String path, String headers, String body) {
        byte[] content = body.getBytes(StandardCharsets.UTF_8);
        boolean ownHost = ("\r\n" + headers).toLowerCase(java.util.Locale.ROOT).contains("\r\nhost:");
        String head = method + " " + path + " HTTP/1.1\r\n" + (ownHost ? "" : "Host: 127.0.0.1:" + port + "\r\n")
                + "Connection: close\r\n" + headers + "Content-Length: " + content.length + "\r\n\r\n";
        try (Socket socket = connect(localAddress, port)) {
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            InputStream in = socket.getInputStream();
            ByteArrayOutputStream read = new ByteArrayOutputStream();
            in.transferTo(read);
            String text = read.toString(StandardCharsets.UTF_8);
            int status = Integer.parseInt(text.substring(9, 12));
            return new Response(status, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
