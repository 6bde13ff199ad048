package io.jenkins.plugins.platformpassword;

import hudson.ProxyConfiguration;
import hudson.Util;
import hudson.util.Secret;
import java.io.IOException;
import java.net.Authenticator;
import java.net.PasswordAuthentication;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import jenkins.model.Jenkins;

/**
 * Jenkins' proxy settings (Manage Jenkins » System » HTTP Proxy Configuration) as the plain
 * {@link ProxySelector} and {@link Authenticator} the client takes. The "no proxy hosts" list is
 * honoured because {@link ProxyConfiguration#createProxy(String)} applies it per host.
 */
final class JenkinsProxy extends ProxySelector {

    private final ProxyConfiguration configuration;

    private JenkinsProxy(ProxyConfiguration configuration) {
        this.configuration = configuration;
    }

    /** The selector for Jenkins' current proxy settings, or null when none are set (direct connections). */
    static ProxySelector selector() {
        ProxyConfiguration configuration = configured();
        return configuration == null ? null : new JenkinsProxy(configuration);
    }

    /** Answers proxy authentication challenges with Jenkins' proxy user, and nothing else; null when none is set. */
    static Authenticator authenticator() {
        ProxyConfiguration configuration = configured();
        if (configuration == null
                || configuration.getUserName() == null
                || configuration.getUserName().isEmpty()) {
            return null;
        }
        String user = configuration.getUserName();
        Secret password = configuration.getSecretPassword();
        return new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                if (getRequestorType() != RequestorType.PROXY) {
                    return null; // never answer the platform itself with the proxy's credentials
                }
                return new PasswordAuthentication(
                        user, Secret.toString(password).toCharArray());
            }
        };
    }

    /**
     * Jenkins' proxy settings, or null for none. A configuration saved with an empty server name
     * (the form allows it) means no proxy, as it does to Jenkins itself; {@code createProxy} would
     * otherwise fail on it.
     */
    private static ProxyConfiguration configured() {
        ProxyConfiguration configuration = Jenkins.get().getProxy();
        return configuration == null || Util.fixEmptyAndTrim(configuration.name) == null ? null : configuration;
    }

    @Override
    public List<Proxy> select(URI uri) {
        // Lower case, as Jenkins' own proxy selector matches; an IPv6 address with and without the
        // brackets a URI keeps around it, since a no-proxy list may give either.
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        Proxy proxy = configuration.createProxy(host);
        if (host != null && proxy != Proxy.NO_PROXY && host.startsWith("[") && host.endsWith("]")) {
            proxy = configuration.createProxy(host.substring(1, host.length() - 1));
        }
        return List.of(proxy);
    }

    @Override
    public void connectFailed(URI uri, SocketAddress address, IOException failure) {
        // The client reports the failure itself; there is no alternative proxy to fall back on.
    }
}
