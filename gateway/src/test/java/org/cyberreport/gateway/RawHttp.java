package org.cyberreport.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for bytes that an HTTP client refuses to send: each call opens a
 * connection (from a chosen loopback address, so that tests can stand for several clients), writes the
 * bytes as they are, and reads every answer until the connection closes or falls silent.
 */
final class RawHttp {

    private final int port;

    RawHttp(int port) {
        this.port = port;
    }

    /**
     * An answer as read off the wire; headers by lower-case name; {@code cut} when the connection closed
     * before the whole body announced by its framing had arrived.
     */
    record Answer(int status, Map<String, String> headers, byte[] body, boolean cut) {

        Answer(int status, Map<String, String> headers, byte[] body) {
            this(status, headers, body, false);
        }

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** The answers read, and how reading ended: the connection closed, fell silent, or was reset. */
    record Reply(List<Answer> answers, String end) {
    }

    List<Answer> send(String from, byte[] request) {
        return exchange(from, request).answers();
    }

    Reply exchange(String from, byte[] request) {
        return exchange(from, request, request.length, -1);
    }

    /**
     * Sends the first {@code upTo} bytes; fewer than the whole request means the client then closes its
     * side. The answer numbered {@code headAnswer} (from 0; -1 for none) answers a HEAD and has no body.
     */
    Reply exchange(String from, byte[] request, int upTo, int headAnswer) {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(InetAddress.getByName(from), 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 2_000);
            socket.setSoTimeout(5_000);
            try {
                socket.getOutputStream().write(request, 0, upTo);
                socket.getOutputStream().flush();
                if (upTo < request.length) {
                    socket.shutdownOutput();
                }
            } catch (IOException refusedWhileSending) {
                // The server may answer and close before it has read everything: its answer still counts.
            }
            Reply reply = read(socket.getInputStream(), headAnswer);
            return new Reply(reply.answers(), reply.end() + " from port " + socket.getLocalPort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one answer to a GET off a connection that stays open (keep-alive). */
    static Answer readOne(InputStream in) throws IOException {
        String statusLine = line(in);
        if (statusLine == null) {
            throw new java.io.EOFException("the connection closed before an answer");
        }
        int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean whole = body(in, headers, status, body);
        return new Answer(status, headers, body.toByteArray(), !whole);
    }

    private static Reply read(InputStream in, int headAnswer) throws IOException {
        List<Answer> answers = new ArrayList<>();
        try {
            while (true) {
                String statusLine = line(in);
                if (statusLine == null) {
                    return new Reply(answers, "closed");
                }
                if (!statusLine.matches("HTTP/1\\.[01] \\d{3}( .*)?")) {
                    // Not an answer: status -1 carries what came instead, for the test to show.
                    answers.add(new Answer(-1, Map.of(), (statusLine + "\n" + new String(in.readNBytes(200),
                            StandardCharsets.ISO_8859_1)).getBytes(StandardCharsets.UTF_8)));
                    return new Reply(answers, "not HTTP");
                }
                int status = Integer.parseInt(statusLine.split(" ", 3)[1]);
                Map<String, String> headers = new LinkedHashMap<>();
                for (String line = line(in); line != null && !line.isEmpty(); line = line(in)) {
                    int colon = line.indexOf(':');
                    headers.putIfAbsent(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
                }
                // An answer to HEAD has no body, unless the server could not tell the method and closes after it.
                boolean head = answers.size() == headAnswer;
                boolean closing = "close".equalsIgnoreCase(headers.get("connection"));
                if (head) {
                    answers.add(new Answer(status, headers, closing ? in.readAllBytes() : new byte[0]));
                    continue;
                }
                ByteArrayOutputStream body = new ByteArrayOutputStream();
                boolean whole = body(in, headers, status, body);
                answers.add(new Answer(status, headers, body.toByteArray(), !whole));
                if (!whole) {
                    return new Reply(answers, "closed");
                }
            }
        } catch (SocketTimeoutException e) {
            return new Reply(answers, "silent");
        } catch (java.net.SocketException e) {
            return new Reply(answers, "reset (" + e.getMessage() + ")");
        }
    }

    /** Reads an answer's body into {@code body}; false when the connection closed before it was whole. */
    private static boolean body(InputStream in, Map<String, String> headers, int status, ByteArrayOutputStream body)
            throws IOException {
        if (status < 200 || status == 204 || status == 304) {
            return true;
        }
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            for (String size = line(in); size != null; size = line(in)) {
                int length = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (length == 0) {
                    return line(in) != null;
                }
                byte[] chunk = in.readNBytes(length);
                body.write(chunk);
                if (chunk.length < length || line(in) == null) {
                    return false;
                }
            }
            return false;
        }
        String length = headers.get("content-length");
        if (length == null) {
            body.write(in.readAllBytes());
            return true;
        }
        byte[] read = in.readNBytes(Integer.parseInt(length));
        body.write(read);
        return read.length == Integer.parseInt(length);
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.ISO_8859_1);
    }
}
