package org.cyberreport.gateway.web;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ScheduledFuture;
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
 * empty body, or fail on them. A body whose framing breaks gets 400, one that does not arrive in time
 * 408. The connection is closed after a refusal, because what follows on it cannot be trusted to be
 * framed correctly; every close lingers (see {@link #close}). Requests on one connection are handled
 * one at a time, in order: one sent before the answer to the previous one waits here. Refusals count
 * against the client address like every other ({@link RefusalLimits}). It also keeps a keep-alive
 * connection reading after each answer (see {@link #keepReading}).
 */
final class MalformedRequests extends ChannelDuplexHandler {

    private static final Logger log = LoggerFactory.getLogger("access");

    /** Anything else would get Reactor Netty's empty 400 (or deserve a 505, which is not a 5xx of ours to give). */
    private static final Set<HttpVersion> VERSIONS = Set.of(HttpVersion.HTTP_1_1, HttpVersion.HTTP_1_0);

    private static final Duration LINGER = Duration.ofSeconds(2);
    /** How long an answer may take to leave before its connection closes anyway. */
    private static final Duration GIVE_UP = Duration.ofSeconds(30);

    private static final RequestHeads.Refusal BODY_TOO_SLOW = new RequestHeads.Refusal(HttpStatus.REQUEST_TIMEOUT,
            "request-timeout", "The request body did not arrive in time",
            "The rest of the request body did not arrive in time");

    private final RefusalLimits limits;
    private final Problems problems;
    /** How long a request's body may take to arrive after its head. */
    private final Duration bodyTimeout;
    /** Messages of requests that wait for the answer to the one before them. */
    private final Queue<Object> held = new ArrayDeque<>();
    /** Refuses the request in progress if the rest of its body does not arrive in time. */
    private ScheduledFuture<?> bodyDeadline;
    /** A request was passed on and its answer is not complete yet (there is at most one: see {@link #held}). */
    private boolean inFlight;
    /** After a refusal nothing more is read from the connection. */
    private boolean refused;
    /** The answer to the request being read has started. */
    private boolean answering;
    /** A refusal replaced the answer to the request in flight: what Reactor Netty still writes for it is dropped. */
    private boolean dropAnswers;
    /** The connection is closing: our side is shut, the client's is drained until it closes too. */
    private boolean lingering;

    /** Paths that take a file, whose body may take longer to arrive. */
    private final GatewayProperties.Uploads uploads;

    MalformedRequests(RefusalLimits limits, Problems problems, Duration bodyTimeout, GatewayProperties.Uploads uploads) {
        this.limits = limits;
        this.problems = problems;
        this.bodyTimeout = bodyTimeout;
        this.uploads = uploads;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object message) {
        if (refused) {
            ReferenceCountUtil.release(message);
            return;
        }
        if (!held.isEmpty() || message instanceof HttpRequest && inFlight) {
            // A request sent before the answer to the one before it (pipelined) waits here, with what follows
            // it, until that answer is out. Reactor Netty would start it at once when it says "Connection:
            // close", and then close the connection when the first answer ends, or in the middle of it.
            held.add(message);
            return;
        }
        pass(ctx, message);
    }

    private void pass(ChannelHandlerContext ctx, Object message) {
        if (message instanceof HttpRequest request) {
            Optional<RequestHeads.Refusal> check = request.decoderResult().isFailure()
                    ? Optional.of(undecodable(request.decoderResult()))
                    : !VERSIONS.contains(request.protocolVersion())
                    ? Optional.of(RequestHeads.Refusal.malformed("The gateway speaks HTTP/1.1 and HTTP/1.0"))
                    : RequestHeads.check(request.method().name(), request.uri(), request.headers());
            if (check.isPresent()) {
                ReferenceCountUtil.release(message);
                refused = true;
                send(ctx, answer(ctx, check.get()));
                return;
            }
            inFlight = true;
            if (!(message instanceof LastHttpContent)) {
                String path = request.uri().split("[?#]", 2)[0];
                Duration allowed = uploads.matches(path) ? uploads.bodyTimeout() : bodyTimeout;
                bodyDeadline = ctx.executor().schedule(() -> refuseInProgress(ctx, BODY_TOO_SLOW), allowed.toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        } else if (message instanceof HttpContent content && content.decoderResult().isFailure()) {
            // A body whose framing breaks (a bad chunk size) after its request went on. The failure is not
            // passed on (Reactor Netty would answer an empty 400 and fail the request half-way).
            ReferenceCountUtil.release(message);
            refuseInProgress(ctx, RequestHeads.Refusal.malformed("The request body is not framed correctly"));
            return;
        }
        if (message instanceof LastHttpContent && bodyDeadline != null) {
            bodyDeadline.cancel(false);
            bodyDeadline = null;
        }
        ctx.fireChannelRead(message);
    }

    /**
     * Refuses the request whose body is arriving (its framing broke, or the rest did not come in time).
     * That request waits for the rest of its body until the connection closes, which aborts it without
     * relaying a cut body (and, for a body that does not come, before the service's response timeout, so
     * that no circuit breaker counts a slow client against the service); the caller gets this refusal
     * instead of its answer. If its answer is already out or under way, the connection just closes.
     */
    private void refuseInProgress(ChannelHandlerContext ctx, RequestHeads.Refusal refused) {
        bodyDeadline = null;
        if (this.refused) {
            return;
        }
        this.refused = true;
        if (!inFlight || answering) {
            lingeringClose(ctx);
            return;
        }
        dropAnswers = true;
        send(ctx, answer(ctx, refused));
    }

    @Override
    public void read(ChannelHandlerContext ctx) {
        if (held.isEmpty()) {
            ctx.read(); // while requests wait, nothing more is read: they are released when the answer before is out
        }
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
            inFlight = false;
            ctx.executor().execute(() -> next(ctx));
        }
    }

    /** After an answer: the requests that waited for it go on, then the connection is read again. */
    private void next(ChannelHandlerContext ctx) {
        while (!held.isEmpty() && !refused && !inFlight) {
            pass(ctx, held.poll());
            while (!held.isEmpty() && !refused && !(held.peek() instanceof HttpRequest)) {
                pass(ctx, held.poll()); // the rest of that request
            }
        }
        if (refused) {
            releaseHeld();
        } else if (held.isEmpty()) {
            keepReading(ctx);
        }
    }

    private void releaseHeld() {
        for (Object message = held.poll(); message != null; message = held.poll()) {
            ReferenceCountUtil.release(message);
        }
    }

    /**
     * Asks for the connection's next bytes once an answer is complete. Reactor Netty reads on demand, and
     * 1.3.6 forgets to ask again when a keep-alive request that had to wait for the one before it is then
     * answered at once (a refusal): the next request on the connection is never read, and its client waits
     * until it gives up. One more read per answer is harmless when Reactor Netty did ask: a request that
     * arrives early waits in {@link #held} until the answer before it is out.
     */
    private void keepReading(ChannelHandlerContext ctx) {
        if (!refused && ctx.channel().isActive()) {
            ctx.read();
        }
    }

    /** Sends a refusal, then closes the connection (lingering). */
    private void send(ChannelHandlerContext ctx, FullHttpResponse refusal) {
        ctx.writeAndFlush(refusal).addListener(written -> lingeringClose(ctx));
    }

    private void lingeringClose(ChannelHandlerContext ctx) {
        close(ctx, ctx.newPromise());
    }

    /**
     * Every close lingers: what was written is sent out first, then our side is shut, and what the client
     * still sends is read and dropped for a moment. Closing at once, with its request still arriving (a
     * header section refused before it has all arrived, a body nobody read before a "Connection: close"
     * answer), would reset the connection and could destroy the answer before the client reads it. Shutting
     * the output before the answer has left would drop its unsent part (Netty fails what is still queued),
     * so the shutdown waits for an empty write queued after it. A client that never reads its answer does
     * not hold the connection open: it is closed after {@link #GIVE_UP} in any case.
     */
    @Override
    public void close(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!lingering && ctx.channel() instanceof DuplexChannel duplex && duplex.isActive() && !duplex.isOutputShutdown()) {
            lingering = true;
            refused = true; // what still arrives is read and dropped
            ctx.writeAndFlush(Unpooled.EMPTY_BUFFER).addListener(sent -> {
                if (duplex.isActive() && !duplex.isOutputShutdown()) {
                    duplex.shutdownOutput();
                }
                ctx.executor().schedule(() -> closeOnce(ctx, promise), LINGER.toMillis(), TimeUnit.MILLISECONDS);
            });
            ctx.executor().schedule(() -> closeOnce(ctx, promise), GIVE_UP.toMillis(), TimeUnit.MILLISECONDS);
            return;
        }
        ctx.close(promise);
    }

    private static void closeOnce(ChannelHandlerContext ctx, ChannelPromise promise) {
        if (!promise.isDone()) {
            ctx.close(promise);
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) {
        releaseHeld();
        if (bodyDeadline != null) {
            bodyDeadline.cancel(false);
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
