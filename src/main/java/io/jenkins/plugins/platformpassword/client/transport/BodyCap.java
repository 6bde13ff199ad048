package io.jenkins.plugins.platformpassword.client.transport;

/**
 * How much of an answer is read. The answer that means success is used whole, so it gets the
 * client's cap; any other is read only to quote its start, after all that was read is screened
 * for secrets, so {@value #MAX_OTHER_BODY_BYTES} bytes of it are enough, and more would only cost
 * the screening time. A 200 where only 204 means success is such an other answer.
 *
 * @param successStatus the status that means success for this request
 * @param maxBytes      the client's cap for that answer
 */
public record BodyCap(int successStatus, int maxBytes) {

    public static final int MAX_OTHER_BODY_BYTES = 64 * 1024;

    int forStatus(int status) {
        return status == successStatus ? maxBytes : Math.min(maxBytes, MAX_OTHER_BODY_BYTES);
    }
}
