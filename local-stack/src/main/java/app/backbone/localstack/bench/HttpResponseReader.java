package app.backbone.localstack.bench;

import java.nio.ByteBuffer;

/**
 * Reads one HTTP/1.1 response at a time from bytes as they arrive, keeping only the status and what is needed to
 * find the response's end (Content-Length or chunked encoding, Connection: close); bodies are skipped. It keeps no
 * per-response objects, so a load generator can read millions of responses without garbage.
 */
final class HttpResponseReader {

    private enum State { STATUS_LINE, HEADERS, BODY, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE }

    private final StringBuilder line = new StringBuilder(256);
    private State state = State.STATUS_LINE;
    private int status;
    private long contentLength;
    private boolean chunked;
    private boolean close;
    private long remaining;

    /**
     * Consumes bytes of the current response from {@code in}, leaving any bytes after its end.
     *
     * @return whether the response is now complete
     * @throws IllegalStateException if the bytes are not an HTTP/1.1 response this reader can delimit
     */
    boolean feed(ByteBuffer in) {
        while (state != State.DONE && in.hasRemaining()) {
            switch (state) {
                case BODY, CHUNK_DATA -> {
                    int skip = (int) Math.min(remaining, in.remaining());
                    in.position(in.position() + skip);
                    remaining -= skip;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.DONE : State.CHUNK_END;
                    }
                }
                default -> {
                    if (readLine(in)) {
                        lineRead();
                    }
                }
            }
        }
        return state == State.DONE;
    }

    /** The status code of the response read last. */
    int status() {
        return status;
    }

    /** Whether the server closes the connection after the response read last. */
    boolean closes() {
        return close;
    }

    /** Gets ready for the next response. */
    void reset() {
        state = State.STATUS_LINE;
        line.setLength(0);
        status = 0;
        contentLength = -1;
        chunked = false;
        close = false;
        remaining = 0;
    }

    private boolean readLine(ByteBuffer in) {
        while (in.hasRemaining()) {
            char c = (char) (in.get() & 0xff);
            if (c == '\n') {
                if (line.length() > 0 && line.charAt(line.length() - 1) == '\r') {
                    line.setLength(line.length() - 1);
                }
                return true;
            }
            line.append(c);
        }
        return false;
    }

    private void lineRead() {
        switch (state) {
            case STATUS_LINE -> {
                if (!startsWithIgnoreCase("HTTP/1.") || line.length() < 12) {
                    throw new IllegalStateException("Not an HTTP/1.x status line: " + line);
                }
                status = (int) parseLong(9, 12, 10);
                contentLength = -1;
                state = State.HEADERS;
            }
            case HEADERS -> {
                if (line.length() == 0) {
                    endOfHeaders();
                } else {
                    header();
                }
            }
            case CHUNK_SIZE -> {
                int end = line.indexOf(";");
                remaining = parseLong(0, end < 0 ? line.length() : end, 16);
                state = remaining == 0 ? State.TRAILERS : State.CHUNK_DATA;
            }
            case CHUNK_END -> state = State.CHUNK_SIZE;
            case TRAILERS -> {
                if (line.length() == 0) {
                    state = State.DONE;
                }
            }
            default -> throw new IllegalStateException("Unexpected line in state " + state);
        }
        line.setLength(0);
    }

    private void header() {
        if (startsWithIgnoreCase("content-length:")) {
            contentLength = parseLong("content-length:".length(), line.length(), 10);
        } else if (startsWithIgnoreCase("transfer-encoding:") && containsIgnoreCase("chunked")) {
            chunked = true;
        } else if (startsWithIgnoreCase("connection:") && containsIgnoreCase("close")) {
            close = true;
        }
    }

    private void endOfHeaders() {
        if (chunked) {
            state = State.CHUNK_SIZE;
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        } else if (contentLength == 0 || status == 204 || status == 304 || status / 100 == 1) {
            state = State.DONE;
        } else {
            throw new IllegalStateException("Response " + status + " has neither Content-Length nor chunked body");
        }
    }

    private boolean startsWithIgnoreCase(String prefix) {
        return line.length() >= prefix.length() && regionMatchesIgnoreCase(0, prefix);
    }

    private boolean containsIgnoreCase(String word) {
        for (int i = 0; i + word.length() <= line.length(); i++) {
            if (regionMatchesIgnoreCase(i, word)) {
                return true;
            }
        }
        return false;
    }

    private boolean regionMatchesIgnoreCase(int offset, String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.toLowerCase(line.charAt(offset + i)) != Character.toLowerCase(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private long parseLong(int from, int to, int radix) {
        long value = 0;
        boolean digits = false;
        for (int i = from; i < to; i++) {
            char c = line.charAt(i);
            if (c == ' ' || c == '\t') {
                if (digits) {
                    break;
                }
                continue;
            }
            int digit = Character.digit(c, radix);
            if (digit < 0) {
                throw new IllegalStateException("Not a number in '" + line + "'");
            }
            value = value * radix + digit;
            digits = true;
        }
        if (!digits) {
            throw new IllegalStateException("No number in '" + line + "'");
        }
        return value;
    }
}
