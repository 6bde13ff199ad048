package io.jenkins.plugins.platformpassword.client.transport;

import java.nio.charset.StandardCharsets;

/**
 * One HTTP answer as far as the client read it.
 *
 * @param status      the HTTP status
 * @param contentType the Content-Type header, or null
 * @param retryAfter  the Retry-After header, or null
 * @param body        the body's first bytes, at most the configured cap
 * @param truncated   whether the body was longer than the cap (the rest was not read)
 * @param bodyProblem why the body of a refusal could not be read (it broke off, stalled or came
 *                    compressed), or null; untrusted, since it may quote the network stack
 */
public record HttpAnswer(
        int status, String contentType, String retryAfter, byte[] body, boolean truncated, String bodyProblem) {

    /** An answer whose body was read, in full or up to the cap. */
    public HttpAnswer(int status, String contentType, String retryAfter, byte[] body, boolean truncated) {
        this(status, contentType, retryAfter, body, truncated, null);
    }

    /** An answer whose status and headers arrived and whose body could not be read, for {@code problem}. */
    static HttpAnswer unreadBody(int status, String contentType, String retryAfter, String problem) {
        return new HttpAnswer(status, contentType, retryAfter, new byte[0], false, problem);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public boolean isServerError() {
        return status >= 500 && status <= 599;
    }

    @Override
    public String toString() {
        // The body may echo a secret; it is only ever shown after redaction, by the caller.
        return "HttpAnswer[status=" + status + ", contentType=" + contentType + ", bodyBytes=" + body.length
                + (truncated ? "+" : "") + (bodyProblem == null ? "" : ", body unread") + "]";
    }
}
