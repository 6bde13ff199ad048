package io.jenkins.plugins.platformpassword.client.transport;

import java.io.IOException;
import java.io.InputStream;
import kong.unirest.core.RawResponse;

/**
 * Turns what Unirest hands over into the parts the client uses. The body is already in memory
 * ({@link AbortableHttpClient} collected it, one byte more than the cap at most, so that a longer
 * body shows as truncated), so reading it here never waits for the network.
 */
final class BodyReader {

    record Result(
            int status, String contentType, String retryAfter, byte[] body, boolean truncated, IOException ioError) {}

    private BodyReader() {}

    static Result read(RawResponse raw, BodyCap caps) {
        String contentType = emptyToNull(raw.getHeaders().getFirst("Content-Type"));
        String retryAfter = emptyToNull(raw.getHeaders().getFirst("Retry-After"));
        if (hasNoBody(raw.getStatus())) {
            // Whatever its headers say (a Content-Encoding, a Content-Length), this answer has no body
            // to read or decode: a 204 is the password endpoint's success and must stay one.
            return new Result(raw.getStatus(), contentType, retryAfter, new byte[0], false, null);
        }
        String encoding = raw.getHeaders().getFirst("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.equalsIgnoreCase("identity")) {
            // Compression is never asked for, and decoding it anyway would let a small answer grow
            // without bound; the answer is refused unread.
            return new Result(
                    raw.getStatus(),
                    contentType,
                    retryAfter,
                    new byte[0],
                    false,
                    new IOException("the answer is compressed although no compression was asked for"));
        }
        int cap = caps.forStatus(raw.getStatus());
        byte[] body;
        try (InputStream in = raw.getContent()) {
            body = in == null ? new byte[0] : in.readNBytes(cap + 1);
        } catch (IOException e) {
            return new Result(raw.getStatus(), contentType, retryAfter, new byte[0], false, e);
        }
        boolean truncated = body.length > cap;
        byte[] kept = truncated ? java.util.Arrays.copyOf(body, cap) : body;
        return new Result(raw.getStatus(), contentType, retryAfter, kept, truncated, null);
    }

    /** HTTP never sends a body with these statuses (RFC 9110, 6.4.1). */
    private static boolean hasNoBody(int status) {
        return status == 204 || status == 304 || (status >= 100 && status < 200);
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
