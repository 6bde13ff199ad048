package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpPrincipal;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLSession;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/**
 * One Jetty request as the {@code com.sun.net.httpserver} exchange the simulator's handler
 * expects, with the JDK server's conventions: a length of -1 in {@link #sendResponseHeaders}
 * means no body, 0 means a body of unknown length, and the response code is -1 until it is sent.
 * Faults reach the Jetty request underneath through {@link #jettyRequest()}.
 */
final class JettyExchange extends HttpsExchange {

    private final Request request;
    private final Response response;
    private final Headers requestHeaders = new Headers();
    private final Headers responseHeaders = new Headers();
    private InputStream in;
    private OutputStream out;
    private int responseCode = -1;

    JettyExchange(Request request, Response response) {
        this.request = request;
        this.response = response;
        for (HttpField field : request.getHeaders()) {
            requestHeaders.add(field.getName(), field.getValue());
        }
        this.in = Content.Source.asInputStream(request);
        this.out = Content.Sink.asOutputStream(response);
    }

    Request jettyRequest() {
        return request;
    }

    @Override
    public Headers getRequestHeaders() {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders() {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI() {
        return URI.create(request.getHttpURI().getPathQuery());
    }

    @Override
    public String getRequestMethod() {
        return request.getMethod();
    }

    /** Not used by the simulator; there is no {@code com.sun.net.httpserver} server behind this exchange. */
    @Override
    public HttpContext getHttpContext() {
        return null;
    }

    @Override
    public void close() {
        try {
            in.close();
        } catch (IOException e) {
            // the request body is of no interest any more
        }
        try {
            out.close();
        } catch (IOException e) {
            // the client went away; there is nobody left to answer
        }
    }

    @Override
    public InputStream getRequestBody() {
        return in;
    }

    @Override
    public OutputStream getResponseBody() {
        return out;
    }

    @Override
    public void sendResponseHeaders(int code, long length) throws IOException {
        for (Map.Entry<String, List<String>> header : responseHeaders.entrySet()) {
            for (String value : header.getValue()) {
                response.getHeaders().add(header.getKey(), value);
            }
        }
        if (length > 0) {
            response.getHeaders().put("Content-Length", Long.toString(length));
        } else if (length < 0 && code != 204 && code != 304) {
            response.getHeaders().put("Content-Length", "0");
        }
        response.setStatus(code);
        responseCode = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress() {
        return inet(request.getConnectionMetaData().getRemoteSocketAddress());
    }

    @Override
    public int getResponseCode() {
        return responseCode;
    }

    @Override
    public InetSocketAddress getLocalAddress() {
        return inet(request.getConnectionMetaData().getLocalSocketAddress());
    }

    @Override
    public String getProtocol() {
        return request.getConnectionMetaData().getProtocol();
    }

    @Override
    public Object getAttribute(String name) {
        return request.getAttribute(name);
    }

    @Override
    public void setAttribute(String name, Object value) {
        request.setAttribute(name, value);
    }

    @Override
    public void setStreams(InputStream newIn, OutputStream newOut) {
        if (newIn != null) {
            in = newIn;
        }
        if (newOut != null) {
            out = newOut;
        }
    }

    @Override
    public HttpPrincipal getPrincipal() {
        return null;
    }

    @Override
    public SSLSession getSSLSession() {
        return request.getAttribute(EndPoint.SslSessionData.ATTRIBUTE) instanceof EndPoint.SslSessionData tls
                ? tls.sslSession()
                : null;
    }

    private static InetSocketAddress inet(SocketAddress address) {
        return address instanceof InetSocketAddress inet ? inet : null;
    }
}
