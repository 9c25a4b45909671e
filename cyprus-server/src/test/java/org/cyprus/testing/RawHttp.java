package org.cyprus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Sends bytes exactly as given over a socket, for requests a well-behaved client refuses to build. */
public final class RawHttp {
    private RawHttp() {
    }

    /** Sends {@code request} (CRLFs included) and returns everything the server answers until it closes. */
    public static String exchange(int port, String request) {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The body of a raw HTTP/1.1 response (after the blank line). */
    public static String body(String response) {
        int split = response.indexOf("\r\n\r\n");
        return split < 0 ? "" : response.substring(split + 4);
    }
}
