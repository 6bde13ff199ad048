package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.secrets.UntrustedText;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.transport.BodyCap;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import io.jenkins.plugins.platformpassword.client.transport.HttpTransport;
import io.jenkins.plugins.platformpassword.client.transport.InFlightCalls;
import io.jenkins.plugins.platformpassword.client.transport.JdkHttpDebugLogging;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.client.transport.Route;
import io.jenkins.plugins.platformpassword.client.transport.TransportFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import kong.unirest.core.HttpRequest;

/**
 * Changes passwords of platform users on behalf of one API client at one data center.
 *
 * <p>Every operation runs the same loop: take a token (from the shared {@link TokenCache} when it
 * holds a fresh one), send the request, and read the answer. A 401 drops the token and repeats
 * the call once with a fresh one (tokens expire after two hours, and a cached one may have been
 * revoked). 5xx, 429, timeouts and connection failures are tried again as the
 * {@link RetryPolicy} says, all within one overall deadline, so the time a build can spend here
 * is bounded. An interrupt (a build abort) ends the operation at once, and no attempt starts
 * after it.
 *
 * <p>A client is meant to live for one build and must be closed; closing it ends its calls under
 * way. Its connections come from a {@link PlatformConnections} shared by the whole controller, so
 * that the next build reuses them, or from one of its own when it is made without one. It is safe
 * for use by several threads at once.
 */
public final class PlatformClient implements AutoCloseable {

    private final PlatformEndpoint endpoint;
    private final ApiClientCredentials credentials;
    private final ClientSettings settings;
    private final TokenCache tokens;
    private final TokenCache.Key tokenKey;
    private final ProgressListener listener;
    private final PlatformConnections connections;
    private final boolean ownsConnections;
    private final Route route;
    /** This client's requests under way: closing the client ends them. */
    private final InFlightCalls calls = new InFlightCalls();

    private final Clock clock;

    /**
     * A client with connections of its own, opened for it and closed with it: for a single use, or
     * a test. Builds use the other constructor, so that they share connections.
     */
    public PlatformClient(
            PlatformEndpoint endpoint,
            ApiClientCredentials credentials,
            ClientSettings settings,
            TokenCache tokens,
            ProgressListener listener) {
        this(endpoint, credentials, settings, tokens, new PlatformConnections(), true, listener);
    }

    /**
     * A client that takes its connections from {@code connections}, which outlives it: the next
     * client with the same connection settings reuses what this one opened.
     */
    public PlatformClient(
            PlatformEndpoint endpoint,
            ApiClientCredentials credentials,
            ClientSettings settings,
            TokenCache tokens,
            PlatformConnections connections,
            ProgressListener listener) {
        this(endpoint, credentials, settings, tokens, connections, false, listener);
    }

    private PlatformClient(
            PlatformEndpoint endpoint,
            ApiClientCredentials credentials,
            ClientSettings settings,
            TokenCache tokens,
            PlatformConnections connections,
            boolean ownsConnections,
            ProgressListener listener) {
        this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.connections = Objects.requireNonNull(connections, "connections");
        this.ownsConnections = ownsConnections;
        this.listener = listener == null ? ProgressListener.NONE : listener;
        this.tokenKey = TokenCache.Key.of(endpoint.dataCenterUrl(), credentials.clientId(), credentials.secret());
        this.clock = Clock.systemUTC();
        this.route = Route.of(
                endpoint.dataCenterUrl(),
                settings.connectTimeout(),
                settings.proxySelector(),
                settings.proxyAuthenticator(),
                settings.trust());
    }

    /**
     * Sets the user's password. Returns only when the platform answered 204.
     *
     * @throws PlatformException with a message for the build log; never containing a secret
     */
    public ChangeOutcome changePassword(UserId userId, NewPassword password) throws PlatformException {
        long started = System.nanoTime();
        Result<Void> result = run(new PasswordChange(endpoint, userId, password));
        return new ChangeOutcome(
                userId, result.attempts, Duration.ofNanos(System.nanoTime() - started), result.tokenFromCache);
    }

    /** Reads a user, which proves that the API client can see it. */
    public PlatformUser user(UserId userId) throws PlatformException {
        return run(new UserLookup(endpoint, userId)).value;
    }

    /**
     * Asks the platform for a new token, bypassing the cache: the check behind "Test connection",
     * which must prove that the credentials work now, not that they worked an hour ago.
     *
     * @return when the new token expires
     */
    public Instant verifyCredentials() throws PlatformException {
        return run(new TokenRequest(endpoint, credentials, tokens.clock()))
                .value
                .expiresAt();
    }

    public PlatformEndpoint endpoint() {
        return endpoint;
    }

    /**
     * Runs any operation of this package through the same loop (token, retries, deadline,
     * redaction), so that features built on the client do not need a loop of their own.
     */
    public <T> T call(Operation<T> operation) throws PlatformException {
        return run(operation).value;
    }

    ApiClientCredentials credentials() {
        return credentials;
    }

    /** The API client's own tenant, asked for once per API client and then taken from the token cache. */
    public String clientTenantId() throws PlatformException {
        String known = tokens.clientTenant(tokenKey);
        if (known != null) {
            return known;
        }
        String tenant = call(new ClientTenantLookup(endpoint, credentials.clientId(), credentials.displayId()));
        tokens.rememberClientTenant(tokenKey, tenant);
        return tenant;
    }

    private record Result<T>(T value, int attempts, boolean tokenFromCache) {}

    private <T> Result<T> run(Operation<T> operation) throws PlatformException {
        Optional<String> leakingSetting = JdkHttpDebugLogging.leakingSetting();
        if (leakingSetting.isPresent()) {
            throw Failures.unsafeSetting(operation, leakingSetting.get());
        }
        if (route.refusal() != null) {
            throw Failures.proxyRefused(operation, route.refusal());
        }
        ChangeDoubt doubt = new ChangeDoubt();
        try {
            return attempt(operation, doubt);
        } catch (PlatformException e) {
            // Once, here, for every way the call fails: what an earlier attempt did stays true whatever ends it.
            throw doubt.mayHaveArrived ? e.withChangeInDoubt() : e;
        }
    }

    /** Whether an attempt of a change ended without a clear answer, so the platform may have applied it. */
    private static final class ChangeDoubt {
        boolean mayHaveArrived;

        void note(boolean arrived) {
            mayHaveArrived |= arrived;
        }
    }

    private <T> Result<T> attempt(Operation<T> operation, ChangeDoubt doubt) throws PlatformException {
        Deadline deadline = Deadline.after(settings.deadline());
        RetryPolicy policy = settings.retryPolicy();
        int attempts = 0;
        int retryableFailures = 0;
        boolean tokenRefreshed = false;
        boolean tokenFromCache = false;
        // Every token this call sent: an answer after a refresh may still echo the refused one.
        List<SecretValue> tokensSent = new ArrayList<>();
        while (true) {
            if (Thread.currentThread().isInterrupted()) {
                throw Failures.aborted(operation, attempts);
            }
            if (calls.isClosed()) {
                throw Failures.closed(operation, attempts);
            }
            attempts++;
            PlatformException failure;
            boolean sending = false;
            try {
                AccessToken token = null;
                if (operation.needsToken()) {
                    TokenCache.Lease lease = tokens.obtain(
                            tokenKey,
                            settings.tokenRenewalMargin(),
                            deadline.remaining(),
                            () -> fetchToken(deadline, operation, tokensSent),
                            calls::isClosed);
                    token = lease.token();
                    tokenFromCache = lease.cached();
                    if (!tokensSent.contains(token.value())) {
                        tokensSent.add(token.value());
                    }
                }
                Duration timeout = attemptTimeout(deadline);
                sending = true;
                HttpAnswer answer = send(operation, token, timeout);
                sending = false;
                if (answer.status() == operation.successStatus()) {
                    if (answer.truncated()) {
                        // Read in part, it would fail as broken JSON and send people looking in the wrong place.
                        throw Failures.protocol(
                                operation,
                                answer.status(),
                                "its answer is longer than the " + settings.maxBodyBytes() / 1024
                                        + " KiB the client reads, so none of it is used");
                    }
                    T value = readSafely(operation, answer);
                    List<String> quotable = operation.quotableTexts(value);
                    if (!quotable.isEmpty()
                            && quotable.stream().anyMatch(untrusted(operation, tokensSent)::repeatsSecret)) {
                        throw Failures.echoInAnswer(operation, answer.status());
                    }
                    return new Result<>(value, attempts, tokenFromCache);
                }
                if (answer.status() == 401 && token != null && !tokenRefreshed) {
                    tokens.invalidate(tokenKey, token);
                    tokenRefreshed = true;
                    listener.tokenRefused();
                    continue;
                }
                // A 5xx may come after the platform saved the change; a 2xx other than success says something happened.
                doubt.note(operation.changesState() && (answer.isServerError() || answer.status() / 100 == 2));
                failure = Failures.fromAnswer(operation, answer, untrusted(operation, tokensSent));
            } catch (TransportFailure e) {
                doubt.note(operation.changesState() && e.requestMayHaveArrived());
                if (e.reason() == TransportFailure.Reason.CLOSED) {
                    throw Failures.closed(operation, attempts);
                }
                failure = Failures.fromTransport(operation, e, untrusted(operation, tokensSent));
            } catch (TokenCache.WaitedTooLong e) {
                failure = Failures.deadlineWhileWaitingForToken(e.waited());
            } catch (CancellationException e) {
                // closed while waiting for another build's token
                throw Failures.closed(operation, attempts);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                // Aborted mid-request, a change may have arrived all the same.
                doubt.note(sending && operation.changesState());
                throw Failures.aborted(operation, attempts);
            } catch (PlatformException e) {
                failure = e;
            }
            if (!failure.isRetryable()) {
                throw failure.asFinal(attempts, null);
            }
            retryableFailures++;
            if (!policy.mayRetryAfter(retryableFailures)) {
                throw failure.asFinal(attempts, attempts > 1 ? "Gave up after " + attempts + " attempts." : null);
            }
            Duration wait = policy.delay(failure.retryAfter(), clock.instant());
            // The next attempt needs time to do anything: one that starts as the deadline ends can
            // only time out, and may leave a password change in doubt that was a clean failure.
            Duration leastUseful = settings.requestTimeout().compareTo(Duration.ofSeconds(1)) < 0
                    ? settings.requestTimeout()
                    : Duration.ofSeconds(1);
            if (!deadline.allows(wait.plus(leastUseful))) {
                throw failure.asFinal(
                        attempts,
                        "Gave up after " + attempts + " attempt(s): another attempt would pass the "
                                + HttpTransport.seconds(deadline.total()) + " deadline.");
            }
            // A token refresh is one more request but no retry, so it widens the count people see.
            listener.retrying(
                    failure.getMessage(), attempts + 1, policy.maxAttempts() + (tokenRefreshed ? 1 : 0), wait);
            try {
                // Closing the client ends the wait as an interrupt would: no attempt starts after it.
                if (calls.awaitClose(wait)) {
                    throw Failures.closed(operation, attempts);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Failures.aborted(operation, attempts);
            }
        }
    }

    /**
     * Called with the cache's lock held for this API client, so only one caller fetches at a time.
     * The operation that needs the token lends its secrets to the redactor: a token endpoint
     * that echoes anything must not leak the password that is about to be sent either.
     */
    private AccessToken fetchToken(Deadline deadline, Operation<?> onBehalfOf, List<SecretValue> tokensSent)
            throws PlatformException, InterruptedException {
        listener.requestingToken(endpoint, credentials.displayId());
        TokenRequest request = new TokenRequest(endpoint, credentials, tokens.clock());
        HttpAnswer answer;
        try {
            answer = send(request, null, attemptTimeout(deadline));
        } catch (TransportFailure e) {
            throw e.reason() == TransportFailure.Reason.CLOSED
                    ? Failures.closed(onBehalfOf, 1)
                    : Failures.fromTransport(request, e, untrusted(onBehalfOf, tokensSent));
        }
        if (answer.status() != request.successStatus()) {
            throw Failures.fromAnswer(request, answer, untrusted(onBehalfOf, tokensSent));
        }
        return request.read(answer);
    }

    /** One attempt, on the transport for this client's connection settings. */
    private HttpAnswer send(Operation<?> operation, AccessToken token, Duration timeout)
            throws TransportFailure, InterruptedException {
        PlatformConnections.Lease lease = connections.lease(route.key());
        if (lease == null) {
            throw TransportFailure.beforeSending(
                    TransportFailure.Reason.CLOSED, "the connections to the platform were closed", null);
        }
        try (lease) {
            HttpTransport transport = lease.transport();
            HttpRequest<?> request = operation.request(transport.unirest(), token);
            // Without it RFC 9110 lets a server pick any coding, and a compressed refusal could not be read.
            request.header("Accept-Encoding", "identity");
            if (route.proxyAuthorization() != null) {
                request.header("Proxy-Authorization", route.proxyAuthorization().reveal());
            }
            return transport.execute(
                    request, timeout, new BodyCap(operation.successStatus(), settings.maxBodyBytes()), calls);
        }
    }

    /** A success answer the operation cannot read is the platform's fault, not a crash of the build. */
    private static <T> T readSafely(Operation<T> operation, HttpAnswer answer) throws PlatformException {
        try {
            return operation.read(answer);
        } catch (RuntimeException e) {
            throw Failures.protocol(
                    operation,
                    answer.status(),
                    "its answer could not be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    /** Every secret this call has sent or may send, so that no echo of any of them survives in a message. */
    private UntrustedText untrusted(Operation<?> operation, List<SecretValue> tokensSent) {
        List<SecretValue> secrets = new ArrayList<>(List.of(operation.secrets()));
        secrets.add(credentials.secret());
        if (credentials.clientIdSecret()) {
            secrets.add(SecretValue.of(credentials.clientId()));
        }
        SecretValue basic = new TokenRequest(endpoint, credentials, clock).basicHeader();
        secrets.add(basic);
        secrets.add(SecretValue.of(basic.reveal().substring("Basic ".length()))); // the pair without the scheme
        secrets.addAll(tokensSent);
        secrets.addAll(List.of(route.secrets()));
        return UntrustedText.of(secrets);
    }

    private Duration attemptTimeout(Deadline deadline) throws TransportFailure {
        Duration remaining = deadline.remaining();
        if (remaining.isZero()) {
            throw TransportFailure.beforeSending(
                    TransportFailure.Reason.TIMEOUT,
                    "the " + HttpTransport.seconds(deadline.total()) + " deadline passed",
                    null);
        }
        return remaining.compareTo(settings.requestTimeout()) < 0 ? remaining : settings.requestTimeout();
    }

    /** Ends this client's calls under way (they fail as ABORTED) and releases its connections. */
    @Override
    public void close() {
        calls.close();
        if (ownsConnections) {
            connections.close();
        }
    }

    @Override
    public String toString() {
        return "PlatformClient[" + endpoint + ", client " + credentials.displayId() + "]";
    }
}
