package org.cyberreport.gateway.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpStatusClass;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Sits right behind Netty's HTTP decoder, one per connection, and answers a request head that is not
 * well-formed with a problem document before WebFlux sees it: what the decoder could not parse (a
 * header section over the limit, 431; a request line over the limit, 414; anything else, 400) and
 * what {@link RequestHeads} refuses. Otherwise Reactor Netty and WebFlux answer such requests with an
 * empty body, or fail on them. The connection is closed after the refusal, because what follows on it
 * cannot be trusted to be framed correctly; every close lingers (see {@link #close}). Answers stay in
 * order: a refusal waits until the requests before it on the connection are answered. Refusals count
 * against the client address like every other ({@link RefusalLimits}). It also keeps a keep-alive
 * connection reading after each answer (see {@link #keepReading}).
 */
final class MalformedRequests extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger("access");

    /** Anything else would get Reactor Netty's empty 400 (or deserve a 505, which is not a 5xx of ours to give). */
    private static final Set<HttpVersion> VERSIONS = Set.of(HttpVersion.HTTP_1_1, HttpVersion.HTTP_1_0);

    private static final Duration LINGER = Duration.ofSeconds(2);

    private final RefusalLimits limits;
    private final Problems problems;
    /** Requests passed on whose answer is not complete yet. */
    private int unanswered;
    /** The refusal to send once they are. */
    private FullHttpResponse refusal;
    /** After a refusal nothing more is read from the connection. */
    private boolean refused;
    /** The answer to the request being read has started. */
    private boolean answering;
    /** The refusal is the answer to the request in progress, whose own answer is then dropped. */
    private boolean replacesAnswer;
    /** Set once that refusal is out: what Reactor Netty still writes for that request is dropped. */
    private boolean dropAnswers;
    /** The connection is closing: our side is shut, the client's is drained until it closes too. */
    private boolean lingering;

    MalformedRequests(RefusalLimits limits, Problems problems) {
        this.limits = limits;
        this.problems = problems;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (refused) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (message instanceof HttpRequest request) {
            Optional<RequestHeads.Refusal> check = request.decoderResult().isFailure()
                    ? Optional.of(undecodable(request.decoderResult()))
                    : !VERSIONS.contains(request.protocolVersion())
                    ? Optional.of(RequestHeads.Refusal.malformed("The gateway speaks HTTP/1.1 and HTTP/1.0"))
                    : RequestHeads.check(request.method().name(), request.uri(), request.headers());
            if (check.isPresent()) {
                ReferenceCountUtil.release(message);
                refused = true;
                refusal = answer(ctx, check.get());
                if (unanswered == 0) {
                    send(ctx);
                }
                return;
            }
            unanswered++;
        } else if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
            // A body whose framing breaks (a bad chunk size) after its request went on. The failure is not
            // passed on (Reactor Netty would answer an empty 400 and fail the request half-way): the request
            // waits for the rest of its body until the connection closes, which aborts it without relaying
            // a cut body; the caller gets this refusal instead of its answer, once the answers before it
            // are out. If its answer is already out or under way, the connection just closes.
            ReferenceCountUtil.release(message);
            refused = true;
            if (unanswered == 0 || answering) {
                lingeringClose(ctx);
                return;
            }
            refusal = answer(ctx, RequestHeads.Refusal.malformed("The request body is not framed correctly"));
            replacesAnswer = true;
            if (unanswered == 1) {
                send(ctx);
            }
            return;
        }
        ctx.fireChannelRead(message);
    }

    @Override
    public void write(ChannelHandlerContext ctx, Object message, ChannelPromise promise) {
        if (dropAnswers) {
            ReferenceCountUtil.release(message);
            promise.trySuccess();
            return;
        }
        // An interim answer (100 Continue) is also a whole message, but not the request's answer.
        boolean interim = message instanceof HttpResponse response && response.status().codeClass() == HttpStatusClass.INFORMATIONAL;
        boolean complete = message instanceof LastHttpContent && !interim;
        answering = (answering || message instanceof HttpResponse && !interim) && !complete;
        ctx.write(message, promise);
        if (complete) {
            keepReading(ctx);
        }
        if (complete && --unanswered <= (replacesAnswer ? 1 : 0)) {
            send(ctx);
        }
    }

    /**
     * Asks for the connection's next bytes once an answer is complete. Reactor Netty reads on demand, and
     * 1.3.6 forgets to ask again when a keep-alive request that had to wait for the one before it is then
     * answered at once (a refusal): the next request on the connection is never read, and its client waits
     * until it gives up. One more read per answer is harmless when Reactor Netty did ask: requests that
     * arrive early wait in its queue, as pipelined requests always do.
     */
    private void keepReading(ChannelHandlerContext ctx) {
        ctx.executor().execute(() -> {
            if (!refused && ctx.channel().isActive()) {
                ctx.read();
            }
        });
    }

    private void send(ChannelHandlerContext ctx) {
        if (refusal != null) {
            FullHttpResponse answer = refusal;
            refusal = null;
            dropAnswers = replacesAnswer;
            ctx.writeAndFlush(answer).addListener(written -> lingeringClose(ctx));
        }
    }

    private void lingeringClose(ChannelHandlerContext ctx) {
        close(ctx, ctx.newPromise());
    }

    /**
     * Every close lingers: our side is shut first, and what the client still sends is read and dropped
     * for a moment. Closing at once, with its request still arriving (a header section refused before
     * it has all arrived, a body nobody read before a "Connection: close" answer), would reset the
     * connection and could destroy the answer before the client reads it.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!lingering && ctx.channel() instanceof DuplexChannel duplex && duplex.isActive() && !duplex.isOutputShutdown()) {
            lingering = true;
            refused = true; // what still arrives is read and dropped
            duplex.shutdownOutput();
            ctx.executor().schedule(() -> ctx.close(promise), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        ctx.close(promise);
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        if (refusal != null) {
            refusal.release();
            refusal = null;
        }
    }

    private static RequestHeads.Refusal undecodable(DecoderResult result) {
        Throwable cause = result.cause();
        if (cause instanceof TooLongHttpHeaderException) {
            return new RequestHeads.Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-too-large",
                    "The request's headers are too large", "The request's header section exceeds the gateway's limit");
        }
        if (cause instanceof TooLongHttpLineException) {
            return new RequestHeads.Refusal(HttpStatus.URI_TOO_LONG, "uri-too-long", "The request target is too long",
                    "The request line exceeds the gateway's limit");
        }
        if (cause instanceof TooLongFrameException) {
            return new RequestHeads.Refusal(HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE, "request-header-too-large",
                    "The request's head is too large", "A part of the request's head exceeds the gateway's limit");
        }
        return RequestHeads.Refusal.malformed("The request is not well-formed HTTP/1.1");
    }

    private FullHttpResponse answer(ChannelHandlerContext ctx, RequestHeads.Refusal refused) {
        String address = ctx.channel().remoteAddress() instanceof InetSocketAddress remote && remote.getAddress() != null
                ? remote.getAddress().getHostAddress() : "unknown";
        String correlationId = UUID.randomUUID().toString();
        // On the event loop: what this replica knows now (with Redis: the shared count as last seen here).
        long seconds = limits.secondsToWaitNow(address);
        Map<String, Object> problem = new LinkedHashMap<>();
        HttpStatus status;
        if (seconds > 0) {
            status = HttpStatus.TOO_MANY_REQUESTS;
            problem.put("type", "urn:cyberreport:problem:rate-limited");
            problem.put("title", "Too many requests");
            problem.put("status", status.value());
            problem.put("detail", "Too many refused requests from this client address; retry after " + seconds + " s");
        } else {
            limits.count(address).subscribe();
            status = refused.status();
            problem.put("type", "urn:cyberreport:problem:" + refused.kind());
            problem.put("title", refused.title());
            problem.put("status", status.value());
            problem.put("detail", refused.detail());
        }
        problem.put("correlationId", correlationId);
        // The request line and headers are not echoed anywhere: they are what was wrong.
        log.info("[{}] malformed request from {} -> {} {}", correlationId, address, status.value(), problem.get("type"));
        byte[] body = problems.toJson(problem);
        FullHttpResponse response = new DefaultFullHttpResponse(HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(status.value()), Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, "application/problem+json")
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set("X-Content-Type-Options", "nosniff")
                .set(CorrelationIdFilter.HEADER, correlationId);
        if (seconds > 0) {
            response.headers().set(HttpHeaderNames.RETRY_AFTER, seconds);
        }
        if (status == HttpStatus.METHOD_NOT_ALLOWED) {
            response.headers().set(HttpHeaderNames.ALLOW, String.join(", ", RequestHeads.METHODS.stream().sorted().toList()));
        }
        return response;
    }
}
