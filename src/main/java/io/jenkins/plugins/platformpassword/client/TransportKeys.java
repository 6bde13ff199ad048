package io.jenkins.plugins.platformpassword.client;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;

/** Works out a client's {@link TransportKey}: its data center and the connection settings that apply to it. */
final class TransportKeys {

    private TransportKeys() {}

    static TransportKey of(PlatformEndpoint endpoint, ClientSettings settings) {
        URI dataCenter = endpoint.dataCenterUrl();
        URI origin = URI.create(dataCenter.getScheme() + "://" + dataCenter.getRawAuthority());
        return new TransportKey(
                origin, settings.connectTimeout(), proxyFor(dataCenter, settings.proxySelector()), settings.trust());
    }

    /**
     * The HTTP proxy the selector names for the data center, asked once per client: a client talks
     * to one data center only. Null for a direct connection.
     */
    static TransportKey.ProxyAddress proxyFor(URI dataCenter, ProxySelector selector) {
        if (selector == null) {
            return null;
        }
        List<Proxy> proxies = selector.select(dataCenter);
        Proxy proxy = proxies == null || proxies.isEmpty() ? Proxy.NO_PROXY : proxies.get(0);
        if (proxy.type() != Proxy.Type.HTTP) {
            return null; // DIRECT; the JDK HTTP client cannot use SOCKS proxies at all
        }
        SocketAddress address = proxy.address();
        if (address instanceof InetSocketAddress inet) {
            return new TransportKey.ProxyAddress(inet.getHostString(), inet.getPort());
        }
        return null;
    }
}
