package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.tokens.TokenLifetime;
import java.net.Authenticator;
import java.net.ProxySelector;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * How a {@link PlatformClient} talks to the network. Every limit has a default, so nothing can
 * wait forever even when no one configured anything.
 *
 * @param connectTimeout     how long to wait for a TCP/TLS connection (default 10 s)
 * @param requestTimeout     how long one request may take, from sending to the last byte of the answer (default 30 s)
 * @param deadline           how long one operation may take, retries and waits included (default 2 min)
 * @param retryPolicy        when to retry (default: {@link RetryPolicy#DEFAULT})
 * @param tokenRenewalMargin the longest a token is renewed before its expiry (default 15 min, as the vendor's
 *                           examples do); shorter-lived tokens are renewed a quarter of their lifetime early
 *                           (see {@link TokenLifetime})
 * @param maxBodyBytes       how much of an answer is read at most (default 64 KiB); the platform's answers are small
 * @param proxySelector      which proxy to use per URL, or null for a direct connection
 * @param proxyAuthenticator credentials for the proxy, or null
 * @param trust              the certificates trusted for TLS, or null for the JVM's default trust store (in Jenkins,
 *                           Jenkins' own); anything else is meant for tests against a test CA
 */
public record ClientSettings(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration deadline,
        RetryPolicy retryPolicy,
        Duration tokenRenewalMargin,
        int maxBodyBytes,
        ProxySelector proxySelector,
        Authenticator proxyAuthenticator,
        SSLContext trust) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(30);
    public static final Duration DEFAULT_DEADLINE = Duration.ofMinutes(2);
    public static final Duration DEFAULT_TOKEN_RENEWAL_MARGIN = Duration.ofMinutes(15);
    /**
     * The longest success answer read. A search for 100 users runs to some 50 KiB, and the
     * contract bounds neither its items nor a user's members; error answers are read to 64 KiB.
     */
    public static final int DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public ClientSettings {
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(requestTimeout, "requestTimeout");
        requirePositive(deadline, "deadline");
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(tokenRenewalMargin, "tokenRenewalMargin");
        if (maxBodyBytes < 1024) {
            throw new IllegalArgumentException("maxBodyBytes must be at least 1024");
        }
    }

    public static ClientSettings defaults() {
        return new ClientSettings(
                DEFAULT_CONNECT_TIMEOUT,
                DEFAULT_REQUEST_TIMEOUT,
                DEFAULT_DEADLINE,
                RetryPolicy.DEFAULT,
                DEFAULT_TOKEN_RENEWAL_MARGIN,
                DEFAULT_MAX_BODY_BYTES,
                null,
                null,
                null);
    }

    /**
     * The same settings with other timeouts. The deadline grows with them when it would not hold
     * every attempt the retry policy allows, so that a timeout an administrator chose is never cut
     * short by a deadline they did not choose.
     */
    public ClientSettings withTimeouts(Duration connect, Duration request) {
        Duration needed = deadlineFor(connect, request, retryPolicy);
        return new ClientSettings(
                connect,
                request,
                deadline.compareTo(needed) < 0 ? needed : deadline,
                retryPolicy,
                tokenRenewalMargin,
                maxBodyBytes,
                proxySelector,
                proxyAuthenticator,
                trust);
    }

    public ClientSettings withDeadline(Duration value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                value,
                retryPolicy,
                tokenRenewalMargin,
                maxBodyBytes,
                proxySelector,
                proxyAuthenticator,
                trust);
    }

    public ClientSettings withRetryPolicy(RetryPolicy value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                deadline,
                value,
                tokenRenewalMargin,
                maxBodyBytes,
                proxySelector,
                proxyAuthenticator,
                trust);
    }

    public ClientSettings withTokenRenewalMargin(Duration value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                deadline,
                retryPolicy,
                value,
                maxBodyBytes,
                proxySelector,
                proxyAuthenticator,
                trust);
    }

    public ClientSettings withMaxBodyBytes(int value) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                deadline,
                retryPolicy,
                tokenRenewalMargin,
                value,
                proxySelector,
                proxyAuthenticator,
                trust);
    }

    public ClientSettings withProxy(ProxySelector selector, Authenticator authenticator) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                deadline,
                retryPolicy,
                tokenRenewalMargin,
                maxBodyBytes,
                selector,
                authenticator,
                trust);
    }

    /** Trusts exactly the certificates of {@code context} for TLS, instead of the JVM's trust store; for tests. */
    public ClientSettings withTrust(SSLContext context) {
        return new ClientSettings(
                connectTimeout,
                requestTimeout,
                deadline,
                retryPolicy,
                tokenRenewalMargin,
                maxBodyBytes,
                proxySelector,
                proxyAuthenticator,
                context);
    }

    /** Enough for every attempt to use its whole connect and request timeout, with the longest waits between. */
    static Duration deadlineFor(Duration connect, Duration request, RetryPolicy policy) {
        int attempts = policy.maxAttempts();
        return connect.plus(request)
                .multipliedBy(attempts)
                .plus(policy.maxInterval().multipliedBy(attempts - 1L));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
