package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import org.eclipse.jetty.http2.ErrorCode;
import org.eclipse.jetty.http2.HTTP2Connection;
import org.eclipse.jetty.http2.HTTP2Session;
import org.eclipse.jetty.http2.api.Stream;
import org.eclipse.jetty.http2.frames.GoAwayFrame;
import org.eclipse.jetty.http2.frames.ResetFrame;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * What a fault can do below the {@code com.sun.net.httpserver} exchange when the simulator runs
 * on Jetty: drop the whole connection, or send an HTTP/2 GOAWAY. On the JDK's server none of
 * this applies and the callers fall back to closing the exchange.
 */
final class JettyExchanges {

    private JettyExchanges() {}

    /** Runs the simulator's handler for every request, on Jetty's (blocking) request threads. */
    static final class Handling extends Handler.Abstract {
        private final HttpHandler handler;

        Handling(HttpHandler handler) {
            this.handler = handler;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) {
            JettyExchange exchange = new JettyExchange(request, response);
            try {
                handler.handle(exchange);
                exchange.close();
                callback.succeeded();
            } catch (Throwable failure) {
                callback.failed(failure);
            }
            return true;
        }
    }

    private static Optional<Request> jettyRequest(HttpExchange exchange) {
        return exchange instanceof JettyExchange jetty ? Optional.of(jetty.jettyRequest()) : Optional.empty();
    }

    /**
     * Closes the TCP connection under the exchange at once, without a byte more: on HTTP/2 every
     * stream of the connection dies with it. False when the exchange is not on Jetty.
     */
    static boolean dropConnection(HttpExchange exchange) {
        Optional<Request> request = jettyRequest(exchange);
        request.ifPresent(
                r -> r.getConnectionMetaData().getConnection().getEndPoint().close());
        return request.isPresent();
    }

    /**
     * Ends the exchange's answer as broken: on HTTP/2 its stream is reset (the connection and its
     * other streams live on), on HTTP/1.1 the connection is dropped. False when not on Jetty.
     */
    static boolean breakAnswer(HttpExchange exchange) {
        Optional<Request> request = jettyRequest(exchange);
        if (request.isEmpty()) {
            return false;
        }
        Optional<Stream> stream =
                http2Session(request.get()).map(session -> session.getStream(streamId(request.get())));
        if (stream.isPresent() && stream.get() != null) {
            stream.get().reset(new ResetFrame(stream.get().getId(), ErrorCode.INTERNAL_ERROR.code), Callback.NOOP);
        } else {
            request.get().getConnectionMetaData().getConnection().getEndPoint().close();
        }
        return true;
    }

    /** Jetty names an HTTP/2 request after its stream. */
    private static int streamId(Request request) {
        try {
            return Integer.parseInt(request.getId());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static Optional<HTTP2Session> http2Session(Request request) {
        return Optional.of(request.getConnectionMetaData().getConnection())
                .filter(HTTP2Connection.class::isInstance)
                .map(connection -> ((HTTP2Connection) connection).getSession());
    }

    /**
     * Sends an HTTP/2 GOAWAY on the exchange's connection. With {@code processed} the GOAWAY names
     * this request's stream as the last one handled (a graceful close after its answer); without,
     * the stream before it, which tells the client this request was never processed.
     *
     * @return false when the exchange is not on an HTTP/2 connection
     */
    static boolean goAway(HttpExchange exchange, boolean processed) {
        Optional<Request> request = jettyRequest(exchange);
        Optional<HTTP2Session> session = request.flatMap(JettyExchanges::http2Session);
        session.ifPresent(s -> {
            int current = streamId(request.get());
            int last = processed ? current : Math.max(0, current - 2);
            s.goAway(new GoAwayFrame(last, ErrorCode.NO_ERROR.code, "going away".getBytes()), Callback.NOOP);
        });
        return session.isPresent();
    }

    /**
     * Makes the exchange's stream the last one its HTTP/2 connection handles, before its answer
     * goes out: a client that sends its next request at once may have it on the wire before the
     * GOAWAY that follows the answer reaches it, and a server that has said "nothing after this
     * stream" must not act on that request ({@link #refusedAfterGoAway}).
     */
    static void lastStreamBeforeGoAway(HttpExchange exchange) {
        Optional<Request> request = jettyRequest(exchange);
        request.flatMap(JettyExchanges::http2Session)
                .ifPresent(session -> GOING_AWAY.put(session, streamId(request.get())));
    }

    /**
     * Whether the exchange came on a stream after the last one its connection handles: it is then
     * refused as unprocessed, as RFC 9113 (section 6.8) has it, and the connection dropped,
     * before anything of it is recorded or acted on.
     */
    static boolean refusedAfterGoAway(HttpExchange exchange) {
        Optional<Request> request = jettyRequest(exchange);
        Optional<HTTP2Session> session = request.flatMap(JettyExchanges::http2Session);
        Integer last = session.map(GOING_AWAY::get).orElse(null);
        if (last == null || streamId(request.get()) <= last) {
            return false;
        }
        session.get().goAway(new GoAwayFrame(last, ErrorCode.NO_ERROR.code, "going away".getBytes()), Callback.NOOP);
        dropConnection(exchange);
        return true;
    }

    /** The last stream each going-away connection handles; weak, as a connection ends with its test. */
    private static final Map<HTTP2Session, Integer> GOING_AWAY = Collections.synchronizedMap(new WeakHashMap<>());

    static boolean isJetty(HttpExchange exchange) {
        return jettyRequest(exchange).isPresent();
    }
}
