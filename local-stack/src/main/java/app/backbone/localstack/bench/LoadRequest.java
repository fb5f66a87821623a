package app.backbone.localstack.bench;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.CompositeByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpRequestEncoder;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;

/**
 * The one request a load sends over and over, a GET or a POST of a JSON body with {@code Authorization: Bearer},
 * encoded once by Netty's HTTP/1.1 encoder, and how the load's connections are made and their answers decoded.
 */
final class LoadRequest implements AutoCloseable {

    private static final int CONNECT_TIMEOUT_MILLIS = 10_000;
    private static final int MAX_LINE = 4096;
    private static final int MAX_HEADERS = 16_384;
    private static final int MAX_CHUNK = 65_536;

    private final URI uri;
    private final String target;
    private final ByteBuf encoded;

    private LoadRequest(URI uri, String target, ByteBuf encoded) {
        this.uri = uri;
        this.target = target;
        this.encoded = encoded;
    }

    /**
     * The request to {@code uri} (http only).
     *
     * @param jsonBody a body to POST, or {@code null} to GET
     */
    static LoadRequest of(URI uri, String token, String jsonBody) {
        if (!"http".equals(uri.getScheme())) {
            throw new IllegalArgumentException("Only http:// URLs: " + uri);
        }
        String target = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        FullHttpRequest request = jsonBody == null
                ? new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.GET, target)
                : new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, target,
                        Unpooled.copiedBuffer(jsonBody, StandardCharsets.UTF_8));
        request.headers().set(HttpHeaderNames.HOST, uri.getHost() + ":" + port(uri))
                .set(HttpHeaderNames.AUTHORIZATION, "Bearer " + token)
                .set(HttpHeaderNames.ACCEPT, HttpHeaderValues.APPLICATION_JSON);
        if (jsonBody != null) {
            request.headers().set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
        }
        HttpUtil.setContentLength(request, request.content().readableBytes());
        return new LoadRequest(uri, target, encode(request));
    }

    private static int port(URI uri) {
        return uri.getPort() < 0 ? 80 : uri.getPort();
    }

    private static ByteBuf encode(FullHttpRequest request) {
        EmbeddedChannel encoder = new EmbeddedChannel(new HttpRequestEncoder());
        encoder.writeOutbound(request);
        CompositeByteBuf bytes = Unpooled.compositeBuffer();
        for (ByteBuf part = encoder.readOutbound(); part != null; part = encoder.readOutbound()) {
            bytes.addComponent(true, part);
        }
        encoder.finishAndReleaseAll();
        ByteBuf encoded = Unpooled.copiedBuffer(bytes);
        bytes.release();
        return encoded;
    }

    /** The path and query, e.g. {@code /exercises?muscle=LATS}. */
    String target() {
        return target;
    }

    /** The request's bytes, for one send. */
    ByteBuf bytes() {
        return encoded.retainedDuplicate();
    }

    /** Connections to the request's host and port on the event loop, without delay, not yet given a handler. */
    Bootstrap bootstrap(EventLoopGroup eventLoop) {
        return new Bootstrap().group(eventLoop).channel(NioSocketChannel.class)
                .remoteAddress(uri.getHost(), port(uri))
                .option(ChannelOption.TCP_NODELAY, true)
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, CONNECT_TIMEOUT_MILLIS);
    }

    /** Decodes a connection's answers; their bodies pass as content the load releases unread. */
    static ChannelHandler decoder() {
        return new HttpResponseDecoder(MAX_LINE, MAX_HEADERS, MAX_CHUNK, false);
    }

    @Override
    public void close() {
        encoded.release();
    }

    /** A connection's end of a load: reads each answer's status and keep-alive, skips its body, and is told. */
    abstract static class Answers extends SimpleChannelInboundHandler<HttpObject> {

        private boolean ok;
        private boolean keepAlive;

        /**
         * An answer has arrived whole.
         *
         * @param ok        whether its status was 2xx
         * @param keepAlive whether the connection stays open for another request
         */
        abstract void answered(ChannelHandlerContext context, boolean ok, boolean keepAlive);

        @Override
        protected void channelRead0(ChannelHandlerContext context, HttpObject message) {
            if (message instanceof HttpResponse response) {
                ok = response.status().codeClass() == HttpStatusClass.SUCCESS;
                keepAlive = HttpUtil.isKeepAlive(response);
            }
            if (message instanceof LastHttpContent) {
                answered(context, ok, keepAlive);
            }
        }

        @Override
        public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
            context.close();
        }
    }
}
