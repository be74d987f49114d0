package io.clientele.gateway.problem;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Gives a body to the error answers Reactor Netty writes itself, empty, before a request reaches Spring: a
 * request line too long (414), headers too large (431), a request it cannot decode (400). One per
 * connection, between the HTTP codec and the rest; any other answer passes untouched.
 */
final class ProblemBodies extends ChannelDuplexHandler {

    private boolean answeringHead;

    @Override
    public void channelRead(ChannelHandlerContext context, Object message) {
        if (message instanceof HttpRequest request) {
            answeringHead = HttpMethod.HEAD.equals(request.method());
        }
        context.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext context, Object message, ChannelPromise promise) {
        if (message instanceof FullHttpResponse response && response.status().code() >= 400 && !answeringHead
                && !response.content().isReadable() && !response.headers().contains(HttpHeaderNames.CONTENT_TYPE)) {
            byte[] body = body(response.status().code());
            FullHttpResponse withBody = response.replace(Unpooled.wrappedBuffer(body));
            response.release();
            withBody.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                    .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length);
            context.write(withBody, promise);
            return;
        }
        context.write(message, promise);
    }

    static byte[] body(int status) {
        String detail = switch (status) {
            case 400 -> "The request could not be read";
            case 414 -> "The request line (path and query) is longer than the gateway accepts";
            case 431 -> "The request's headers are larger than the gateway accepts";
            default -> "The request was refused";
        };
        String title = HttpResponseStatus.valueOf(status).reasonPhrase();
        return ("{\"type\":\"" + GatewayProblems.BASE + GatewayProblems.slug(status) + "\",\"title\":\"" + title
                + "\",\"status\":" + status + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
    }
}
