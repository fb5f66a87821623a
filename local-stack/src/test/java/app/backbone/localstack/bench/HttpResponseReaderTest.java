package app.backbone.localstack.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class HttpResponseReaderTest {

    private final HttpResponseReader reader = new HttpResponseReader();

    @Test
    void readsAResponseWithContentLengthByteByByte() {
        byte[] response = bytes("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\ncontent-length: 11\r\n\r\n"
                + "{\"a\":\"bc\"}\n");
        reader.reset();
        for (int i = 0; i < response.length - 1; i++) {
            assertFalse(reader.feed(ByteBuffer.wrap(response, i, 1)), "complete early at byte " + i);
        }
        assertTrue(reader.feed(ByteBuffer.wrap(response, response.length - 1, 1)));
        assertEquals(200, reader.status());
        assertFalse(reader.closes());
    }

    @Test
    void readsAChunkedResponseAndLeavesWhatFollows() {
        ByteBuffer in = ByteBuffer.wrap(bytes("HTTP/1.1 201 Created\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5;ext=1\r\nhello\r\n1A\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\nTrailer: x\r\n\r\nNEXT"));
        reader.reset();
        assertTrue(reader.feed(in));
        assertEquals(201, reader.status());
        assertEquals("NEXT", StandardCharsets.US_ASCII.decode(in).toString());
    }

    @Test
    void readsResponsesOneAfterAnotherAfterAReset() {
        reader.reset();
        assertTrue(reader.feed(ByteBuffer.wrap(bytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))));
        assertEquals(404, reader.status());
        reader.reset();
        assertTrue(reader.feed(ByteBuffer.wrap(bytes("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"))));
        assertEquals(204, reader.status());
        assertTrue(reader.closes());
    }

    @Test
    void refusesWhatItCannotDelimit() {
        reader.reset();
        assertThrows(IllegalStateException.class,
                () -> reader.feed(ByteBuffer.wrap(bytes("HTTP/1.0 200 OK\r\nServer: x\r\n\r\nbody"))));
        reader.reset();
        assertThrows(IllegalStateException.class, () -> reader.feed(ByteBuffer.wrap(bytes("SSH-2.0-OpenSSH\r\n"))));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
