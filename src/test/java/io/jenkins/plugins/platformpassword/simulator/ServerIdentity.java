package io.jenkins.plugins.platformpassword.simulator;

import java.security.KeyStore;

/**
 * A server's private key and certificate chain, as the simulator's HTTPS server presents them.
 * Made by a {@link TestCertificateAuthority} at test time; lives in memory only.
 *
 * @param keyStore    holds one key entry with its chain
 * @param keyPassword the password of that entry and of the store (a test value, not a secret)
 */
public record ServerIdentity(KeyStore keyStore, char[] keyPassword) {

    @Override
    public String toString() {
        return "ServerIdentity[test key]";
    }
}
