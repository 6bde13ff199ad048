package io.jenkins.plugins.platformpassword.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import kong.unirest.core.RawResponse;

/**
 * Reads at most a fixed number of body bytes and can be stopped from another thread.
 *
 * <p>The platform's answers are small; a body larger than the cap is an error page of a proxy or
 * a fault, and reading it whole would only cost memory. {@link #expire()} closes the stream the
 * reader is blocked on, which makes the read return, so that a slow or stalled body cannot
 * outlast the request's time limit.
 */
final class BodyReader {

    record Result(
            int status,
            String contentType,
            String retryAfter,
            byte[] body,
            boolean truncated,
            boolean timedOut,
            IOException ioError) {}

    private final int maxBytes;
    private volatile boolean expired;
    private boolean finished;
    private volatile InputStream stream;

    BodyReader(int maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Called by Unirest on the calling thread once the status and headers have arrived. */
    Result read(RawResponse raw) {
        String contentType = raw.getHeaders().getFirst("Content-Type");
        String retryAfter = raw.getHeaders().getFirst("Retry-After");
        if (hasNoBody(raw.getStatus())) {
            // Whatever its headers say (a Content-Encoding, a Content-Length), this answer has no body
            // to read or decode: a 204 is the password endpoint's success and must stay one.
            return new Result(
                    raw.getStatus(), emptyToNull(contentType), emptyToNull(retryAfter), new byte[0], false, false, null);
        }
        String encoding = raw.getHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            // Compression is never asked for. Decoding it anyway would block in the decoder's
            // constructor, before the watchdog can reach the stream, so the answer is refused unread.
            return new Result(
                    raw.getStatus(),
                    emptyToNull(contentType),
                    emptyToNull(retryAfter),
                    new byte[0],
                    false,
                    false,
                    new IOException("the answer is compressed although no compression was asked for"));
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        boolean truncated = false;
        boolean complete = false;
        IOException error = null;
        try (InputStream in = raw.getContent()) {
            stream = in;
            if (expired) {
                in.close();
            }
            byte[] buffer = new byte[8192];
            int n;
            while (in != null && (n = in.read(buffer)) != -1) {
                int room = maxBytes - body.size();
                if (n > room) {
                    body.write(buffer, 0, room);
                    truncated = true;
                    break;
                }
                body.write(buffer, 0, n);
            }
            // Read to the end (or to the cap): from here on an alarm changes nothing, so that an
            // alarm firing just after the last byte does not turn a complete answer into a timeout.
            synchronized (this) {
                finished = true;
                complete = !expired;
            }
        } catch (IOException e) {
            error = e;
        } finally {
            stream = null;
        }
        return new Result(
                raw.getStatus(),
                emptyToNull(contentType),
                emptyToNull(retryAfter),
                body.toByteArray(),
                truncated,
                expired && !complete,
                expired && !complete ? null : error);
    }

    void expire() {
        synchronized (this) {
            if (finished) {
                return;
            }
            expired = true;
        }
        InputStream current = stream;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                // The reader sees the closed stream either way.
            }
        }
    }

    /** HTTP never sends a body with these statuses (RFC 9110, 6.4.1). */
    private static boolean hasNoBody(int status) {
        return status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
