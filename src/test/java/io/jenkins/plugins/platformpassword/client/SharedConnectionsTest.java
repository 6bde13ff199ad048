package io.jenkins.plugins.platformpassword.client;

import static io.jenkins.plugins.platformpassword.client.CallInThread.waitUntil;
import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One transport per set of connection settings, owned by the controller and shared by all builds:
 * a build after the first reuses the open connection, settings that change get a new transport,
 * idle ones close, their number is bounded, and the threads do not grow with the builds.
 */
class SharedConnectionsTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    private UserId user() {
        return UserId.parse(platform.customerUser);
    }

    private void build(ClientSettings settings, PlatformConnections connections) throws PlatformException {
        try (PlatformClient perBuild = platform.client(settings, connections)) {
            perBuild.changePassword(user(), PASSWORD);
        }
    }

    private Set<Integer> clientPortsOfPasswordRequests() {
        return platform.simulator.requests().stream()
                .filter(r -> r.path().endsWith("/password"))
                .map(RecordedRequest::clientPort)
                .collect(Collectors.toSet());
    }

    @Test
    void aBuildAfterTheFirstReusesTheOpenConnection() throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections);
            build(platform.settings(), connections);
            build(platform.settings(), connections);
            assertThat(connections.openTransports()).isEqualTo(1);
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).hasSize(4); // one token, three changes
        assertThat(requests.stream().map(RecordedRequest::clientPort).distinct())
                .as("every request, from every build, came over one connection")
                .hasSize(1);
    }

    /** Sharing a connection shares nothing else: each build's requests carry its own API client's credentials. */
    @Test
    void twoApiClientsOnOneConnectionEachSendTheirOwnCredentials() throws Exception {
        var second = platform.simulator.addApiClient(platform.partnerTenant);
        ApiClientCredentials first = platform.credentials();
        ApiClientCredentials other = new ApiClientCredentials(second.clientId(), SecretValue.of(second.secret()));
        try (PlatformConnections connections = new PlatformConnections()) {
            for (int build = 0; build < 4; build++) {
                ApiClientCredentials credentials = build % 2 == 0 ? first : other;
                try (PlatformClient perBuild = new PlatformClient(
                        platform.endpoint(),
                        credentials,
                        platform.settings(),
                        platform.tokens,
                        connections,
                        ProgressListener.NONE)) {
                    perBuild.changePassword(user(), PASSWORD);
                }
            }
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests.stream().map(RecordedRequest::clientPort).distinct())
                .as("one connection for both API clients")
                .hasSize(1);
        List<String> tokenRequestsFor = requests.stream()
                .filter(r -> r.path().endsWith("/idp/token"))
                .map(r -> basicUser(r.header("authorization").orElseThrow()))
                .toList();
        assertThat(tokenRequestsFor).containsExactly(first.clientId(), other.clientId());
        List<String> bearers = requests.stream()
                .filter(r -> r.path().endsWith("/password"))
                .map(r -> r.header("authorization").orElseThrow())
                .toList();
        assertThat(bearers).hasSize(4);
        assertThat(bearers.get(0)).startsWith("Bearer ").isEqualTo(bearers.get(2));
        assertThat(bearers.get(1)).startsWith("Bearer ").isEqualTo(bearers.get(3));
        assertThat(bearers.get(0)).as("each API client its own token").isNotEqualTo(bearers.get(1));
    }

    private static String basicUser(String header) {
        String pair = new String(
                java.util.Base64.getDecoder().decode(header.substring("Basic ".length())),
                java.nio.charset.StandardCharsets.UTF_8);
        return pair.substring(0, pair.indexOf(':'));
    }

    @Test
    void changedSettingsGetANewTransportAndTheOldOneCloses() throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections);
            ClientSettings longerConnectTimeout =
                    platform.settings().withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2));
            build(longerConnectTimeout, connections);
            assertThat(connections.openTransports()).isEqualTo(1);
            build(longerConnectTimeout, connections);
        }
        assertThat(clientPortsOfPasswordRequests())
                .as("the second settings' connection differs from the first's, and is reused")
                .hasSize(2);
    }

    @Test
    void settingsThatOnlyConcernRequestsShareTheTransport() throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections);
            build(
                    platform.settings()
                            .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5))
                            .withDeadline(Duration.ofSeconds(20)),
                    connections);
            assertThat(connections.openTransports()).isEqualTo(1);
        }
        assertThat(clientPortsOfPasswordRequests()).hasSize(1);
    }

    @Test
    void anIdleTransportIsClosed() throws Exception {
        try (PlatformConnections connections = new PlatformConnections(Duration.ofMillis(200), 8)) {
            build(platform.settings(), connections);
            assertThat(connections.openTransports()).isEqualTo(1);
            waitUntil(() -> connections.openTransports() == 0);
            build(platform.settings(), connections);
            assertThat(connections.openTransports()).isEqualTo(1);
        }
        assertThat(clientPortsOfPasswordRequests())
                .as("a new connection after the idle close")
                .hasSize(2);
    }

    @Test
    void theNumberOfTransportsIsBounded() throws Exception {
        try (SimulatedPlatform second = new SimulatedPlatform();
                SimulatedPlatform third = new SimulatedPlatform();
                PlatformConnections connections = new PlatformConnections(Duration.ofMinutes(5), 2)) {
            for (SimulatedPlatform each : List.of(platform, second, third)) {
                try (PlatformClient perBuild = each.client(each.settings(), connections)) {
                    perBuild.changePassword(UserId.parse(each.customerUser), PASSWORD);
                }
                assertThat(connections.openTransports()).isLessThanOrEqualTo(2);
            }
            assertThat(third.simulator.passwordOf(third.customerUser)).isPresent();
        }
    }

    @Test
    void closingOneBuildsClientLeavesTheOtherBuildsCallsAlone() throws Exception {
        platform.simulator.latency(Duration.ofMillis(300));
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections); // the token is cached from here on
            PlatformClient other = platform.client(platform.settings(), connections);
            CallInThread running = CallInThread.start(() -> other.changePassword(user(), PASSWORD));
            waitUntil(() -> platform.passwordRequests() == 2);
            platform.client(platform.settings(), connections).close(); // another build ends meanwhile
            running.awaitEnd(System.nanoTime());
            assertThat(running.thrown()).isNull();
            other.close();
        }
    }

    /** The time limit of a slow read is its own: another build's close on the same connections neither ends nor extends it. */
    @Test
    void anotherBuildsCloseNeitherEndsNorExtendsASlowRead() throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections); // the token is cached from here on
            platform.simulator.enqueueFault(
                    "/api/2/users/", Fault.trickle(500, SimulatedPlatform.SLOW_ERROR_PAGE, Duration.ofMillis(200)));
            ClientSettings oneSecond = platform.settings()
                    .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(1))
                    .withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO));
            try (PlatformClient slow = platform.client(oneSecond, connections)) {
                long started = System.nanoTime();
                CallInThread reading = CallInThread.start(() -> slow.changePassword(user(), PASSWORD));
                waitUntil(() -> platform.passwordRequests() == 2);
                platform.client(platform.settings(), connections).close(); // another build ends meanwhile
                Duration took = reading.awaitEnd(started);
                assertThat(took).isBetween(Duration.ofMillis(900), Duration.ofMillis(1800));
                assertThat(reading.thrown())
                        .isInstanceOfSatisfying(
                                PlatformException.class,
                                // Its 500 had arrived, so that is the answer; the stalled body is named.
                                e -> assertThat(e.getMessage())
                                        .contains("HTTP 500.")
                                        .contains("did not arrive completely within 1 s"));
            }
        }
    }

    @Test
    void closingTheConnectionsEndsTheCallsOfEveryBuild() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        platform.simulator.enqueueFault("/api/2/users/", Fault.hang());
        PlatformConnections connections = new PlatformConnections();
        ClientSettings patient = platform.settings()
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30))
                .withDeadline(Duration.ofSeconds(60));
        try (PlatformClient first = platform.client(patient, connections);
                PlatformClient second = platform.client(patient, connections)) {
            CallInThread one = CallInThread.start(() -> first.changePassword(user(), PASSWORD));
            CallInThread two = CallInThread.start(() -> second.changePassword(user(), PASSWORD));
            waitUntil(() -> platform.passwordRequests() == 2);
            long closedAt = System.nanoTime();
            connections.close(); // Jenkins stops
            assertThat(one.awaitEnd(closedAt)).isLessThan(Duration.ofSeconds(1));
            assertThat(two.awaitEnd(closedAt)).isLessThan(Duration.ofSeconds(1));
            for (CallInThread build : List.of(one, two)) {
                assertThat(build.thrown())
                        .isInstanceOfSatisfying(
                                PlatformException.class,
                                e -> assertThat(e.kind()).isEqualTo(FailureKind.ABORTED));
            }
            // A build that starts after the close sends nothing.
            PlatformException late = null;
            try {
                first.changePassword(user(), PASSWORD);
            } catch (PlatformException e) {
                late = e;
            }
            assertThat(late).isNotNull().extracting(PlatformException::kind).isEqualTo(FailureKind.ABORTED);
            assertThat(platform.passwordRequests()).isEqualTo(2);
        }
    }

    @Test
    void fiftyBuildsAtOnceUseNoMoreClientThreadsThanOne() throws Exception {
        platform.simulator.latency(Duration.ofMillis(100));
        int before = ClientThreads.settle(0); // threads of clients that earlier tests closed may linger (Java 17)
        java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
        try (PlatformConnections connections = new PlatformConnections()) {
            build(platform.settings(), connections);
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<CallInThread> builds = new java.util.ArrayList<>();
            for (int i = 0; i < 50; i++) {
                builds.add(CallInThread.start(() -> {
                    start.await();
                    build(platform.settings(), connections);
                }));
            }
            start.countDown();
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (platform.passwordRequests() < 51 && System.nanoTime() < end) {
                most.accumulateAndGet(ClientThreads.count(), Math::max);
                Thread.sleep(5);
            }
            for (CallInThread each : builds) {
                each.awaitEnd(System.nanoTime());
                assertThat(each.thrown()).isNull();
            }
        }
        assertThat(most.get() - before)
                .as("client threads while 50 builds wait for their answers")
                .isLessThanOrEqualTo(PlatformConnections.JDK_THREADS + 2);
    }

    /**
     * Thread starts of every kind, not only the client's by name: on Java 24 and earlier with two
     * CPUs or fewer, the JDK's public {@code sendAsync} finishes each exchange on a new, unnamed
     * thread, one per request.
     */
    @Test
    void aBuildOnAWarmConnectionStartsNoThread() throws Exception {
        assertWarmBuildsStartNoThread(platform);
    }

    @Test
    void aBuildOnAWarmHttp2ConnectionStartsNoThread() throws Exception {
        try (SimulatedPlatform tls = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1)) {
            assertWarmBuildsStartNoThread(tls);
        }
    }

    private static void assertWarmBuildsStartNoThread(SimulatedPlatform target) throws Exception {
        int builds = 100;
        try (PlatformConnections connections = new PlatformConnections()) {
            for (int i = 0; i < 20; i++) { // the connection, the token, the pools' threads
                try (PlatformClient perBuild = target.client(target.settings(), connections)) {
                    perBuild.changePassword(UserId.parse(target.customerUser), PASSWORD);
                }
            }
            long startedBefore = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount();
            for (int i = 0; i < builds; i++) {
                try (PlatformClient perBuild = target.client(target.settings(), connections)) {
                    perBuild.changePassword(UserId.parse(target.customerUser), PASSWORD);
                }
            }
            long started = ManagementFactory.getThreadMXBean().getTotalStartedThreadCount() - startedBefore;
            // A few for what the JVM and the simulator may start meanwhile; one per build is the defect.
            assertThat(started)
                    .as("threads started in the JVM during %d builds on a warm connection", builds)
                    .isLessThanOrEqualTo(5);
        }
    }

    @Test
    void threadsStayFewOverAThousandBuildsAndEndWhenTheConnectionsClose() throws Exception {
        int builds = 1_000;
        int clientThreadsBefore = ClientThreads.settle(0);
        int jvmThreadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
        int most = 0;
        PlatformConnections connections = new PlatformConnections();
        long started = System.nanoTime();
        for (int i = 0; i < builds; i++) {
            build(platform.settings(), connections);
            most = Math.max(most, ClientThreads.count());
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);
        int jvmThreadsAfterBuilds = ManagementFactory.getThreadMXBean().getThreadCount();
        List<String> during = ClientThreads.names();
        connections.close();
        int clientThreadsAfterClose = ClientThreads.settle(clientThreadsBefore);
        System.out.printf(
                "%d builds in %d ms over shared connections: client threads before %d, at most %d during, %s after the"
                        + " builds, %d after close; JVM threads %d before, %d after the builds; %d connection(s)%n",
                builds,
                took.toMillis(),
                clientThreadsBefore,
                most,
                during,
                clientThreadsAfterClose,
                jvmThreadsBefore,
                jvmThreadsAfterBuilds,
                clientPortsOfPasswordRequests().size());

        assertThat(most - clientThreadsBefore)
                .as(
                        "client threads at any point: the JDK's %d, one selector, one timer thread",
                        PlatformConnections.JDK_THREADS)
                .isLessThanOrEqualTo(PlatformConnections.JDK_THREADS + 2);
        assertThat(clientThreadsAfterClose)
                .as("left after close: %s", ClientThreads.names())
                .isEqualTo(clientThreadsBefore);
        assertThat(platform.simulator.passwordChangeCount(platform.customerUser))
                .isEqualTo(builds);
        assertThat(platform.tokenRequests()).isEqualTo(1);
        // One connection serves them all; the JDK may open a second when a build starts the very moment
        // the previous one's connection goes back to its pool.
        assertThat(clientPortsOfPasswordRequests())
                .as("connections opened for %d builds", builds)
                .hasSizeLessThanOrEqualTo(2);
    }
}
