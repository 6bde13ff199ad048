package io.jenkins.plugins.platformpassword.client.transport;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.MalformedURLException;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;

/**
 * How a client reaches its data center: the transport to use and, behind a proxy that wants a
 * password, the proxy's credentials, worked out once per client (a client talks to one data
 * center only).
 *
 * <p>The proxy's credentials are sent with every request as {@code Proxy-Authorization: Basic},
 * rather than through a JDK {@link Authenticator}: with an Authenticator the JDK HTTP client drops
 * the request's own {@code Authorization} header (JDK-8326949, fixed in Java 24 only), and the
 * client sends Basic to the token endpoint and Bearer to the API, so no request would reach the
 * platform intact. The JDK passes a request's {@code Proxy-*} headers to the proxy only (in the
 * CONNECT of an HTTPS tunnel, never inside it), unless its settings disable Basic for proxies;
 * then the client refuses before sending anything, and says which setting to change.
 *
 * @param key                the transport to use
 * @param proxyAuthorization the {@code Proxy-Authorization} header value, or null when no proxy credentials apply
 * @param refusal            why no request may be sent this way, or null
 */
public record Route(TransportKey key, SecretValue proxyAuthorization, String refusal) {

    /** The JDK's settings that list the authentication schemes it will not send to a proxy. */
    public static final String TUNNELING_DISABLED_SCHEMES = "jdk.http.auth.tunneling.disabledSchemes";

    static final String PROXYING_DISABLED_SCHEMES = "jdk.http.auth.proxying.disabledSchemes";

    /**
     * @param dataCenter     the data center URL
     * @param connectTimeout how long a new connection may take
     * @param proxies        which proxy to use per URL, or null for a direct connection
     * @param proxyPasswords the proxy's credentials, or null
     * @param trust          the TLS trust to use instead of the JVM's, or null
     */
    public static Route of(
            URI dataCenter,
            Duration connectTimeout,
            ProxySelector proxies,
            Authenticator proxyPasswords,
            SSLContext trust) {
        boolean https = "https".equalsIgnoreCase(dataCenter.getScheme());
        URI origin = isOrigin(dataCenter)
                ? dataCenter // the same instance each build: its hash is computed once
                : URI.create(dataCenter.getScheme() + "://" + dataCenter.getRawAuthority());
        Proxy proxy = proxyFor(dataCenter, proxies);
        if (proxy.type() == Proxy.Type.SOCKS) {
            return new Route(
                    new TransportKey(origin, connectTimeout, null, null, trust),
                    null,
                    "Jenkins' proxy for " + dataCenter.getHost() + " is a SOCKS proxy, which Java's HTTP client cannot"
                            + " use. Configure an HTTP proxy, or exempt the host from the proxy (No Proxy Host).");
        }
        TransportKey.ProxyAddress address = address(proxy);
        SecretValue authorization = address == null ? null : basicCredentials(proxyPasswords, address, dataCenter);
        TransportKey key = new TransportKey(
                origin, connectTimeout, address, authorization == null ? null : authorization.fingerprint(), trust);
        if (authorization == null) {
            return new Route(key, null, null);
        }
        String setting = https ? TUNNELING_DISABLED_SCHEMES : PROXYING_DISABLED_SCHEMES;
        String disabled = JdkNetProperties.get(setting);
        if (disabled != null && disablesBasic(disabled)) {
            return new Route(
                    key,
                    authorization,
                    "Jenkins' proxy " + address + " needs a user name and password, but this Java runtime does not send"
                            + " Basic credentials to a proxy" + (https ? " for HTTPS connections" : "")
                            + " (" + setting + "=" + disabled + ", the JDK's default). Start the Jenkins controller"
                            + " with -D" + setting + "= (an empty value), or exempt " + dataCenter.getHost()
                            + " from the proxy (No Proxy Host).");
        }
        return new Route(key, authorization, null);
    }

    private static boolean isOrigin(URI dataCenter) {
        String path = dataCenter.getRawPath();
        return (path == null || path.isEmpty())
                && dataCenter.getRawQuery() == null
                && dataCenter.getRawFragment() == null
                && dataCenter.getRawUserInfo() == null;
    }

    /** The proxy the selector names for the data center: the first one, as the JDK would take. */
    private static Proxy proxyFor(URI dataCenter, ProxySelector selector) {
        if (selector == null) {
            return Proxy.NO_PROXY;
        }
        List<Proxy> proxies = selector.select(dataCenter);
        return proxies == null || proxies.isEmpty() || proxies.get(0) == null ? Proxy.NO_PROXY : proxies.get(0);
    }

    private static TransportKey.ProxyAddress address(Proxy proxy) {
        SocketAddress address = proxy.address();
        if (proxy.type() == Proxy.Type.HTTP && address instanceof InetSocketAddress inet) {
            return new TransportKey.ProxyAddress(inet.getHostString(), inet.getPort());
        }
        return null;
    }

    /** Asks the authenticator for the proxy's user name and password, as the JDK would on a 407. */
    private static SecretValue basicCredentials(
            Authenticator authenticator, TransportKey.ProxyAddress proxy, URI dataCenter) {
        if (authenticator == null) {
            return null;
        }
        PasswordAuthentication credentials = authenticator.requestPasswordAuthenticationInstance(
                proxy.host(),
                null,
                proxy.port(),
                "http",
                "Proxy authentication",
                "basic",
                url(dataCenter),
                Authenticator.RequestorType.PROXY);
        if (credentials == null
                || credentials.getUserName() == null
                || credentials.getUserName().isEmpty()) {
            return null;
        }
        char[] password = credentials.getPassword();
        try {
            // UTF-8, as RFC 7617 advises: there is no challenge yet whose charset could say otherwise.
            String pair = credentials.getUserName() + ":" + new String(password);
            return SecretValue.of("Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private static URL url(URI dataCenter) {
        try {
            return dataCenter.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            return null;
        }
    }

    /** As the JDK reads the setting: a comma-separated list of scheme names, any case. */
    static boolean disablesBasic(String schemes) {
        for (String scheme : schemes.split(",")) {
            if (scheme.trim().toLowerCase(Locale.ROOT).equals("basic")) {
                return true;
            }
        }
        return false;
    }

    /** Secrets a message must never quote: the header, its Base64 part and its decoded pair. */
    public SecretValue[] secrets() {
        if (proxyAuthorization == null) {
            return new SecretValue[0];
        }
        String encoded = proxyAuthorization.reveal().substring("Basic ".length());
        String pair = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
        String password = pair.substring(pair.indexOf(':') + 1);
        return new SecretValue[] {
            proxyAuthorization, SecretValue.of(encoded), SecretValue.of(pair), SecretValue.of(password)
        };
    }

    @Override
    public String toString() {
        return "Route[" + key + (proxyAuthorization == null ? "" : ", proxy credentials") + "]";
    }
}
