package app.backbone.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.ReaderInterceptorContext;

import org.junit.jupiter.api.Test;

class Utf8BodiesTest {

    private final Utf8Bodies bodies = new Utf8Bodies();

    @Test
    void aValidUtf8JsonBodyIsPassedOnWhole() throws IOException {
        byte[] body = "{\"name\": \"Kniebeuge 💪\"}".getBytes(StandardCharsets.UTF_8);

        ReaderInterceptorContext context = context(MediaType.APPLICATION_JSON_TYPE, body);

        assertEquals(new String(body, StandardCharsets.UTF_8), bodies.aroundReadFrom(context));
    }

    @Test
    void invalidUtf8IsRefusedBeforeJacksonReadsIt() throws IOException {
        byte[][] invalid = {
            {'{', '"', (byte) 0xFF, '"', ':', '1', '}'},
            {'"', (byte) 0xC0, (byte) 0xAF, '"'},
            {'"', (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80, '"'},
            {'"', (byte) 0xED, (byte) 0xA0, (byte) 0x80, '"'},
        };
        for (byte[] body : invalid) {
            ReaderInterceptorContext context = context(MediaType.valueOf("application/merge-patch+json"), body);

            ProblemException e = assertThrows(ProblemException.class, () -> bodies.aroundReadFrom(context));

            assertEquals(new Problem(ProblemTypes.MALFORMED_BODY, "Malformed request body", 400,
                    "The body is not valid UTF-8.", null), e.toProblem());
            verify(context, never()).proceed();
        }
    }

    @Test
    void aBodyOfAnotherMediaTypeIsLeftAlone() throws IOException {
        byte[] body = {(byte) 0xFF};
        ReaderInterceptorContext context = context(MediaType.APPLICATION_OCTET_STREAM_TYPE, body);

        assertEquals(new String(body, StandardCharsets.UTF_8), bodies.aroundReadFrom(context));
        verify(context, never()).setInputStream(any());
    }

    /** A context whose {@code proceed} reads, as text, whatever stream it holds by then. */
    private static ReaderInterceptorContext context(MediaType type, byte[] body) throws IOException {
        ReaderInterceptorContext context = mock(ReaderInterceptorContext.class);
        AtomicReference<InputStream> stream = new AtomicReference<>(new ByteArrayInputStream(body));
        when(context.getMediaType()).thenReturn(type);
        when(context.getInputStream()).thenAnswer(call -> stream.get());
        doAnswer(call -> {
            stream.set(call.getArgument(0));
            return null;
        }).when(context).setInputStream(any());
        when(context.proceed()).thenAnswer(call -> new String(stream.get().readAllBytes(), StandardCharsets.UTF_8));
        return context;
    }
}
