package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP server on 127.0.0.1 that behaves like the platform's Account Management API v2
 * for the endpoints the plugin uses, with knobs for latency and faults and a log of every
 * request. Tests talk to it over real sockets; a person can start it with {@link #main}.
 *
 * <p>Endpoints, all below {@code /api/2}: {@code POST /idp/token}, {@code GET /users/{id}},
 * {@code POST /users/{id}/password}, {@code POST /users/check_password}, {@code GET /clients/{id}},
 * {@code GET /tenants/{id}}, {@code GET /search}. See the endpoint classes for their rules.
 *
 * <p>{@link #start()} serves plain HTTP/1.1 with the JDK's server; {@link #startHttps} serves HTTPS
 * with a certificate from a {@link TestCertificateAuthority}, HTTP/2 (by ALPN) and HTTP/1.1, on
 * Jetty, with the same handlers, endpoints and faults.
 *
 * <p>A disabled tenant disables its subtree: its API clients get no tokens (401 access_denied).
 * A disabled user still gets its password changed; the flag shows in the user JSON only.
 */
public final class PlatformSimulator implements AutoCloseable {

    private final Directory directory = new Directory();
    private final TokenStore tokens = new TokenStore();
    private final PasswordPolicy policy = new PasswordPolicy();
    private final CompromisedPasswords compromised = new CompromisedPasswords();
    private final RequestLog log = new RequestLog();
    private final FaultQueue faults = new FaultQueue();
    private final ShutdownSignal shutdown = new ShutdownSignal();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Duration latency = Duration.ZERO;
    private final SimulatorServer server;

    /** Starts a server for the simulator's handler. */
    @FunctionalInterface
    private interface ServerStart {
        SimulatorServer start(HttpHandler handler) throws Exception;
    }

    private PlatformSimulator(ServerStart start) throws Exception {
        server = start.start(new SimulatorHandler(log, faults, router(), () -> latency, shutdown));
    }

    /** Starts on 127.0.0.1 on a free port; only the root tenant exists. */
    public static PlatformSimulator start() {
        return start(0);
    }

    /** Starts on 127.0.0.1 on the given port, 0 for a free one. */
    public static PlatformSimulator start(int port) {
        try {
            return new PlatformSimulator(handler -> new JdkSimulatorServer(port, handler));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the platform simulator on 127.0.0.1:" + port, e);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the platform simulator on 127.0.0.1:" + port, e);
        }
    }

    /**
     * Starts on 127.0.0.1 on a free port, serving HTTPS with the given certificate and the given
     * HTTP versions; only the root tenant exists. Clients must trust the certificate's CA.
     */
    public static PlatformSimulator startHttps(ServerIdentity identity, HttpVersions versions) {
        Objects.requireNonNull(identity, "identity");
        Objects.requireNonNull(versions, "versions");
        try {
            return new PlatformSimulator(handler -> new JettyHttpsServer(identity, versions, handler));
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the platform simulator's HTTPS server", e);
        }
    }

    private Router router() {
        Authenticator authenticator = new Authenticator(tokens);
        return new Router(List.of(
                Route.of("POST", "idp/token", new TokenEndpoint(directory, tokens)),
                Route.of("POST", "users/check_password", new CheckPasswordEndpoint(compromised)),
                Route.of("GET", "users/{}", new UserEndpoint(directory, authenticator)),
                Route.of("POST", "users/{}/password", new PasswordEndpoint(directory, authenticator, policy)),
                Route.of("GET", "clients/{}", new ClientEndpoint(directory, authenticator)),
                Route.of("GET", "tenants/{}", new TenantEndpoint(directory, authenticator)),
                Route.of("GET", "search", new SearchEndpoint(directory, authenticator))));
    }

    /**
     * The data center URL as a user would paste it: {@code http://127.0.0.1:<port>} (or
     * {@code https://}), no {@code /api/2}, no trailing slash.
     */
    public URI dataCenterUrl() {
        return URI.create(server.scheme() + "://127.0.0.1:" + server.port());
    }

    // ---- accounts ----

    public String rootTenantId() {
        return directory.rootTenantId();
    }

    /** A tenant one level below the parent; its kind follows the parent's (root → partner → customer → unit). */
    public String addTenant(String parentTenantId, String name) {
        return directory.addTenant(parentTenantId, name, null).id();
    }

    public String addTenant(String parentTenantId, String name, TenantKind kind) {
        return directory
                .addTenant(parentTenantId, name, Objects.requireNonNull(kind, "kind"))
                .id();
    }

    /** A tenant with exactly this id (a lower-case UUID), for values that must stay the same from run to run. */
    public String addTenant(String parentTenantId, String tenantId, String name, TenantKind kind) {
        return directory
                .addTenant(tenantId, parentTenantId, name, Objects.requireNonNull(kind, "kind"))
                .id();
    }

    public void setTenantEnabled(String tenantId, boolean enabled) {
        directory.setTenantEnabled(tenantId, enabled);
    }

    /** An API client with a random UUID id and a random 32-hex-digit secret, using HTTP Basic. */
    public ApiClient addApiClient(String tenantId) {
        return addApiClient(tenantId, RandomValues.uuid(), RandomValues.secret(), TokenAuthMethod.CLIENT_SECRET_BASIC);
    }

    /**
     * An API client with exactly this id and secret. The id must be a lower-case UUID, as the
     * platform generates them; the secret may hold any characters.
     */
    public ApiClient addApiClient(String tenantId, String clientId, String secret, TokenAuthMethod method) {
        return directory.addClient(new ApiClient(clientId, secret, tenantId, method));
    }

    /**
     * Takes a role away from an API client: {@code "tenant_viewer"} (its reads of clients, users,
     * tenants and the search then get 403) or {@code "user_admin"} (its password changes get 403).
     */
    public void withholdRole(ApiClient client, String role) {
        directory.withholdRole(client.clientId(), role);
    }

    /** An enabled user without an email address; logins are unique on the platform. */
    public String addUser(String tenantId, String login) {
        return addUser(tenantId, login, null);
    }

    public String addUser(String tenantId, String login, String email) {
        return directory
                .addUser(tenantId, Objects.requireNonNull(login, "login"), email)
                .id();
    }

    /**
     * Fills the search with {@code count} users in the tenant whose logins contain
     * {@code login} (in changing case) without being it; see {@code /search}'s {@code limit}.
     */
    public List<String> addNearMatches(String tenantId, String login, int count) {
        return directory.addNearMatches(tenantId, Objects.requireNonNull(login, "login"), count);
    }

    /** A user with exactly this id (a lower-case UUID), for values that must stay the same from run to run. */
    public String addUser(String tenantId, String userId, String login, String email) {
        return directory
                .addUser(userId, tenantId, Objects.requireNonNull(login, "login"), email)
                .id();
    }

    public void setUserEnabled(String userId, boolean enabled) {
        directory.setUserEnabled(userId, enabled);
    }

    /** The last password the password endpoint accepted for this user, exactly as decoded from the JSON. */
    public Optional<String> passwordOf(String userId) {
        return Optional.ofNullable(existingUser(userId).password());
    }

    public int passwordChangeCount(String userId) {
        return existingUser(userId).passwordChanges();
    }

    private User existingUser(String userId) {
        return directory.user(userId).orElseThrow(() -> new NoSuchElementException("no user with id " + userId));
    }

    // ---- tokens ----

    /** A valid access token for the client without an HTTP round trip. */
    public String issueToken(ApiClient client) {
        ApiClient registered = directory
                .client(client.clientId())
                .orElseThrow(() -> new NoSuchElementException("no API client with id " + client.clientId()))
                .credentials();
        return tokens.issue(Caller.apiClient(registered)).value();
    }

    /** A valid access token that belongs to a user rather than an API client; the password endpoint refuses it. */
    public String issueUserToken(String userId) {
        return tokens.issue(Caller.user(existingUser(userId))).value();
    }

    /** The lifetime of tokens issued from now on (default 2 hours, as on the platform). */
    public void tokenLifetime(Duration lifetime) {
        tokens.lifetime(lifetime);
    }

    /**
     * Makes the platform's clock run this far ahead of the real one (negative: behind; default
     * none). Token answers then carry an {@code expires_on} on that clock, while {@code expires_in}
     * and the real lifetime stay the same: the case of a controller whose clock differs.
     */
    public void clockOffset(Duration offset) {
        tokens.clockOffset(Objects.requireNonNull(offset, "offset"));
    }

    /** Every token issued so far now answers 401. */
    public void expireAllTokens() {
        tokens.expireAll();
    }

    // ---- rules and knobs ----

    /**
     * Whether the product's password policy is enforced with a 400 (on by default): at least 9
     * characters (code points), not one of the most common passwords, not containing the user's
     * login, email or tenant name. See {@code PasswordPolicy}.
     */
    public void enforcePasswordPolicy(boolean on) {
        policy.enforce(on);
    }

    /** {@code /users/check_password} reports this password as compromised from now on. */
    public void markCompromised(String plainPassword) {
        compromised.mark(plainPassword);
    }

    /** A delay before every answer, faults included (default none). */
    public void latency(Duration perRequest) {
        if (perRequest.isNegative()) {
            throw new IllegalArgumentException("latency cannot be negative: " + perRequest);
        }
        latency = perRequest;
    }

    /**
     * The next request whose raw path starts with {@code pathPrefix} (e.g. {@code /api/2/idp/token}
     * or {@code /api/2/users/}) gets this fault instead of its answer. Queued faults apply in
     * order, one per request. The request is still recorded and the latency still applies.
     */
    public void enqueueFault(String pathPrefix, Fault fault) {
        faults.add(Objects.requireNonNull(pathPrefix, "pathPrefix"), Objects.requireNonNull(fault, "fault"));
    }

    /** How many queued faults have not met their request yet. */
    public int pendingFaults() {
        return faults.size();
    }

    public void clearFaults() {
        faults.clear();
    }

    // ---- request log ----

    /** Every request received so far, in order, faulted ones included. */
    public List<RecordedRequest> requests() {
        return log.snapshot();
    }

    /** Requests with this method (any case) whose raw path starts with the prefix. */
    public long requestCount(String method, String pathPrefix) {
        return log.count(method, pathPrefix);
    }

    public void clearRequests() {
        log.clear();
    }

    /** Told of every request once it has been answered (or its connection dropped), on the server's thread. */
    public void onAnswer(AnswerListener listener) {
        log.onAnswer(Objects.requireNonNull(listener, "listener"));
    }

    // ---- lifecycle ----

    /** Stops the server at once; hung and slow answers end by having their connections closed. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            shutdown.fire();
            server.stop();
        }
    }

    /**
     * Starts a simulator with the demo tenant tree of {@link DemoPlatform}, prints how to use it,
     * and runs until killed. Options: see {@link SimulatorOptions#USAGE}.
     */
    public static void main(String[] args) throws InterruptedException {
        int status = new SimulatorCommand(System.out, System.err).run(args, SimulatorCommand::untilKilled);
        if (status != SimulatorCommand.EXIT_OK) {
            System.exit(status);
        }
    }

    static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            // Daemon threads: a test that forgets close() must not keep its JVM alive.
            Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
