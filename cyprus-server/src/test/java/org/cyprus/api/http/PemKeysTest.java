package org.cyprus.api.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import org.cyprus.testing.Certificates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    private static final char[] PASSWORD = "pw".toCharArray();

    @TempDir
    Path dir;

    private static void assertHoldsKeyFor(KeyStore store, String algorithm) throws Exception {
        assertThat(store.getKey("cyprus", PASSWORD).getAlgorithm()).isIn(algorithm, algorithm.equals("EC") ? "ECDSA" : algorithm);
        X509Certificate certificate = (X509Certificate) store.getCertificateChain("cyprus")[0];
        assertThat(certificate.getSubjectX500Principal().getName()).isEqualTo("CN=127.0.0.1");
    }

    @Test
    void readsPkcs8RsaAndEcKeysAndPkcs1RsaKeys() throws Exception {
        Certificates.Pem rsa = Certificates.rsa(dir);
        assertHoldsKeyFor(PemKeys.load(rsa.certificate(), rsa.key(), PASSWORD), "RSA");
        assertHoldsKeyFor(PemKeys.load(rsa.certificate(), Certificates.traditionalKey(rsa, "rsa"), PASSWORD), "RSA");
        Certificates.Pem ec = Certificates.ec(dir);
        assertHoldsKeyFor(PemKeys.load(ec.certificate(), ec.key(), PASSWORD), "EC");
    }

    @Test
    void unreadableKeysAreRefusedWithTheWayToConvertThem() throws IOException {
        Certificates.Pem ec = Certificates.ec(dir);
        Path traditional = Certificates.traditionalKey(ec, "ec");

        assertThatThrownBy(() -> PemKeys.load(ec.certificate(), traditional, PASSWORD))
                .isInstanceOf(IOException.class).hasMessageContaining("EC PRIVATE KEY").hasMessageContaining("openssl pkcs8 -topk8");
        Path empty = Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> PemKeys.load(empty, ec.key(), PASSWORD)).hasMessageContaining("no PEM CERTIFICATE");
        assertThatThrownBy(() -> PemKeys.load(ec.certificate(), empty, PASSWORD)).hasMessageContaining("no PEM private key");
        Path garbage = Files.writeString(dir.resolve("garbage.pem"), "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertThatThrownBy(() -> PemKeys.load(garbage, ec.key(), PASSWORD)).isInstanceOf(java.security.GeneralSecurityException.class);
    }
}
