package io.jenkins.plugins.platformpassword.simulator;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * A certificate authority made at test time, in memory: its key never leaves the JVM and nothing
 * private is committed. It issues server certificates for the simulator (valid, expired, or for
 * another host name) and gives clients an {@link SSLContext} that trusts it and nothing else.
 */
public final class TestCertificateAuthority {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] KEY_PASSWORD = "test-only-key-password".toCharArray();

    private final KeyPair keys;
    private final X509Certificate certificate;

    private TestCertificateAuthority(String name) {
        this.keys = newKeyPair();
        Instant now = Instant.now();
        X500Name subject = new X500Name("CN=" + name);
        this.certificate = sign(
                new JcaX509v3CertificateBuilder(
                        subject,
                        serial(),
                        Date.from(now.minus(Duration.ofDays(1))),
                        Date.from(now.plus(Duration.ofDays(1))),
                        subject,
                        keys.getPublic()),
                true,
                null);
    }

    public static TestCertificateAuthority create(String name) {
        return new TestCertificateAuthority(name);
    }

    /** A certificate for 127.0.0.1 and localhost, valid from yesterday to tomorrow. */
    public ServerIdentity issueForLoopback() {
        Instant now = Instant.now();
        return issue(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(1)), "127.0.0.1", "localhost");
    }

    /** A certificate for 127.0.0.1 and localhost whose validity ended yesterday. */
    public ServerIdentity issueExpiredForLoopback() {
        Instant now = Instant.now();
        return issue(now.minus(Duration.ofDays(10)), now.minus(Duration.ofDays(1)), "127.0.0.1", "localhost");
    }

    /**
     * A certificate for the given names only: IP addresses become IP address entries, anything
     * else a DNS name.
     */
    public ServerIdentity issue(Instant notBefore, Instant notAfter, String... names) {
        KeyPair server = newKeyPair();
        List<GeneralName> alternatives = new ArrayList<>();
        for (String name : names) {
            alternatives.add(
                    Character.isDigit(name.charAt(0))
                            ? new GeneralName(GeneralName.iPAddress, name)
                            : new GeneralName(GeneralName.dNSName, name));
        }
        X509Certificate issued = sign(
                new JcaX509v3CertificateBuilder(
                        certificate,
                        serial(),
                        Date.from(notBefore),
                        Date.from(notAfter),
                        new X500Name("CN=" + names[0]),
                        server.getPublic()),
                false,
                new GeneralNames(alternatives.toArray(GeneralName[]::new)));
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("server", server.getPrivate(), KEY_PASSWORD, new X509Certificate[] {issued, certificate});
            return new ServerIdentity(store, KEY_PASSWORD.clone());
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot store the test server key", e);
        }
    }

    /** A TLS context that trusts this authority's certificates and no others. */
    public SSLContext trustingOnlyThis() {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            trusted.setCertificateEntry("test-ca", certificate);
            TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, factory.getTrustManagers(), RANDOM);
            return context;
        } catch (GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot make a TLS context for the test CA", e);
        }
    }

    public X509Certificate certificate() {
        return certificate;
    }

    private X509Certificate sign(X509v3CertificateBuilder builder, boolean authority, GeneralNames alternatives) {
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(authority));
            builder.addExtension(
                    Extension.keyUsage,
                    true,
                    new KeyUsage(authority ? KeyUsage.keyCertSign | KeyUsage.cRLSign : KeyUsage.digitalSignature));
            if (!authority) {
                builder.addExtension(
                        Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
                builder.addExtension(Extension.subjectAlternativeName, false, alternatives);
            }
            return new JcaX509CertificateConverter()
                    .getCertificate(
                            builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())));
        } catch (OperatorCreationException | GeneralSecurityException | java.io.IOException e) {
            throw new IllegalStateException("cannot sign a test certificate", e);
        }
    }

    private static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("EC keys are required by every Java platform", e);
        }
    }

    private static BigInteger serial() {
        return new BigInteger(64, RANDOM).add(BigInteger.ONE);
    }
}
