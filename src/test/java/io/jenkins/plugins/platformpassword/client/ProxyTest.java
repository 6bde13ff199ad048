package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import io.jenkins.plugins.platformpassword.client.transport.Route;
import io.jenkins.plugins.platformpassword.simulator.ConnectProxy;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Behind an authenticating proxy, over TLS: the proxy gets its credentials (Basic, in the CONNECT
 * only), the platform gets its own Authorization headers intact (Basic for the token, Bearer for
 * the change) and never the proxy's. Wrong or missing proxy credentials fail at once with a message
 * that says what to check and quotes neither. Where the JVM will not send Basic to a proxy for
 * HTTPS, nothing is sent and the message names the setting.
 *
 * <p>The JDK reads {@code jdk.http.auth.tunneling.disabledSchemes} once; the build starts the test
 * JVM with an empty value (as a controller behind such a proxy must be started), which the refusal
 * test overrides for the client's own check.
 */
class ProxyTest {

    private static final String PROXY_USER = "jenkins-proxy-user";
    private static final String PROXY_PASSWORD = "Proxy-Canary-Pa55word-7f3e9b";
    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1);
    private final ConnectProxy proxy = ConnectProxy.start(PROXY_USER, PROXY_PASSWORD);
    private final String tunnelingSetting = System.getProperty(Route.TUNNELING_DISABLED_SCHEMES);

    @AfterEach
    void stop() {
        if (tunnelingSetting == null) {
            System.clearProperty(Route.TUNNELING_DISABLED_SCHEMES);
        } else {
            System.setProperty(Route.TUNNELING_DISABLED_SCHEMES, tunnelingSetting);
        }
        proxy.close();
        platform.close();
    }

    /** As Jenkins' own: answers proxy challenges only, never the platform's. */
    private static Authenticator proxyCredentials(String user, String password) {
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return getRequestorType() == RequestorType.PROXY
                        ? new PasswordAuthentication(user, password.toCharArray())
                        : null;
            }
        };
    }

    private ClientSettings viaProxy(Authenticator authenticator) {
        return platform.settings()
                .withProxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())), authenticator);
    }

    private PlatformException failingChange(ClientSettings settings) {
        try (PlatformClient client = platform.client(settings)) {
            client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
        } catch (PlatformException e) {
            return e;
        }
        throw new AssertionError("the change succeeded");
    }

    @Test
    void changesThePasswordThroughAnAuthenticatingProxy() throws Exception {
        try (PlatformConnections connections = new PlatformConnections()) {
            for (int build = 0; build < 2; build++) {
                try (PlatformClient client =
                        platform.client(viaProxy(proxyCredentials(PROXY_USER, PROXY_PASSWORD)), connections)) {
                    assertThat(client.changePassword(UserId.parse(platform.customerUser), PASSWORD)
                                    .attempts())
                            .isEqualTo(1);
                }
            }
        }
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains("New-Passw0rd-for-test");
        List<ConnectProxy.ConnectRequest> tunnels = proxy.requests();
        assertThat(tunnels).as("one tunnel for both builds").hasSize(1);
        assertThat(tunnels.get(0).accepted()).isTrue();
        assertThat(tunnels.get(0).target())
                .isEqualTo("127.0.0.1:" + platform.simulator.dataCenterUrl().getPort());

        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).hasSize(3).allSatisfy(r -> {
            assertThat(r.protocol()).isEqualTo("HTTP/2.0");
            assertThat(r.header("proxy-authorization"))
                    .as("the proxy's credentials stay with the proxy")
                    .isEmpty();
        });
        assertThat(requests.get(0).header("authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));
        assertThat(requests.get(1).header("authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
    }

    /**
     * A tunnel is authorised once, when it opens: after the proxy's password is changed in Jenkins,
     * a build must not keep using a tunnel the old password opened.
     */
    @Test
    void changedProxyCredentialsOpenANewTunnel() throws Exception {
        String changed = "Changed-Proxy-Canary-5d81a";
        PlatformException failure;
        try (PlatformConnections connections = new PlatformConnections()) {
            try (PlatformClient client =
                    platform.client(viaProxy(proxyCredentials(PROXY_USER, PROXY_PASSWORD)), connections)) {
                client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
            }
            try (PlatformClient client =
                    platform.client(viaProxy(proxyCredentials(PROXY_USER, changed)), connections)) {
                client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
                throw new AssertionError("the change went through the tunnel the old password opened");
            } catch (PlatformException e) {
                failure = e;
            }
            assertThat(connections.openTransports()).isEqualTo(1);
        }
        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        String changedBasic =
                Base64.getEncoder().encodeToString((PROXY_USER + ":" + changed).getBytes(StandardCharsets.UTF_8));
        assertThat(proxy.requests())
                .as("a second CONNECT, with the new credentials")
                .hasSize(2)
                .last()
                .satisfies(tunnel -> assertThat(tunnel.proxyAuthorization()).contains("Basic " + changedBasic));
        assertThat(String.valueOf(failure)).doesNotContain(changed).doesNotContain(changedBasic);
    }

    @Test
    void wrongProxyCredentialsFailAtOnceAndAreNotQuoted() {
        String wrong = "Wrong-Proxy-Canary-91c2d";
        PlatformException failure = failingChange(viaProxy(proxyCredentials(PROXY_USER, wrong)));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.getMessage()).contains("407").contains("proxy");
        assertThat(failure.attempts()).isEqualTo(1);
        String basic = Base64.getEncoder().encodeToString((PROXY_USER + ":" + wrong).getBytes(StandardCharsets.UTF_8));
        assertThat(String.valueOf(failure) + failure.bodyExcerpt().orElse(""))
                .doesNotContain(wrong)
                .doesNotContain(basic);
        assertThat(platform.simulator.requests())
                .as("nothing reached the platform")
                .isEmpty();
        assertThat(proxy.requests()).hasSize(1);
    }

    @Test
    void aProxyThatForbidsTheHostFailsAtOnceAsAProxyProblem() {
        proxy.refuseTunnelsWith(403);

        PlatformException failure = failingChange(viaProxy(proxyCredentials(PROXY_USER, PROXY_PASSWORD)));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.attempts())
                .as("a proxy's policy does not change on a second try")
                .isEqualTo(1);
        assertThat(failure.mayHaveBeenApplied()).isFalse();
        assertThat(failure.getMessage())
                .contains("Jenkins' HTTP proxy refused to open a tunnel to 127.0.0.1:"
                        + platform.simulator.dataCenterUrl().getPort()
                        + ": it answered the CONNECT request with HTTP 403; nothing reached the platform.")
                .contains("No Proxy Host")
                .doesNotContain(PROXY_PASSWORD);
        assertThat(platform.simulator.requests())
                .as("nothing reached the platform")
                .isEmpty();
    }

    @Test
    void aProxyThatCannotReachThePlatformIsRetriedAsAProxyProblem() {
        proxy.refuseTunnelsWith(502);

        PlatformException failure = failingChange(viaProxy(proxyCredentials(PROXY_USER, PROXY_PASSWORD)));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.attempts()).isEqualTo(3);
        assertThat(failure.mayHaveBeenApplied()).isFalse();
        assertThat(failure.getMessage())
                .contains("it answered the CONNECT request with HTTP 502")
                .contains("The proxy could not reach the platform's host");
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aProxyThatWantsCredentialsWhereNoneAreSetFailsAtOnce() {
        PlatformException failure = failingChange(viaProxy(null));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.getMessage()).contains("407");
        assertThat(failure.attempts()).isEqualTo(1);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aSocksProxyIsRefusedBeforeAnythingIsSent() {
        ProxySelector socks = new ProxySelector() {
            @Override
            public List<java.net.Proxy> select(java.net.URI uri) {
                return List.of(new java.net.Proxy(
                        java.net.Proxy.Type.SOCKS, new InetSocketAddress("127.0.0.1", proxy.port())));
            }

            @Override
            public void connectFailed(java.net.URI uri, java.net.SocketAddress address, java.io.IOException e) {}
        };
        PlatformException failure = failingChange(platform.settings().withProxy(socks, null));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.getMessage())
                .contains("SOCKS proxy")
                .contains("HTTP proxy")
                .contains("No Proxy Host");
        assertThat(failure.attempts()).isZero();
        assertThat(proxy.requests()).as("not even the proxy was asked").isEmpty();
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void whereJavaWillNotSendBasicToAProxyNothingIsSent() {
        System.setProperty(Route.TUNNELING_DISABLED_SCHEMES, "Basic");
        PlatformException failure = failingChange(viaProxy(proxyCredentials(PROXY_USER, PROXY_PASSWORD)));

        assertThat(failure.kind()).isEqualTo(FailureKind.PROXY);
        assertThat(failure.getMessage())
                .contains("jdk.http.auth.tunneling.disabledSchemes=Basic")
                .contains("-Djdk.http.auth.tunneling.disabledSchemes=")
                .doesNotContain(PROXY_PASSWORD);
        assertThat(failure.attempts()).isZero();
        assertThat(proxy.requests()).as("not even the proxy was asked").isEmpty();
        assertThat(platform.simulator.requests()).isEmpty();
    }
}
