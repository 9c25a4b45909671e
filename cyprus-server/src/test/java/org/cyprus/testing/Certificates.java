package org.cyprus.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.cyprus.media.testing.Tools;

/** Self-signed certificates for 127.0.0.1 made with openssl, and HTTP clients that trust exactly them. */
public final class Certificates {
    private Certificates() {
    }

    /** A certificate and its key as PEM files. */
    public record Pem(Path certificate, Path key) {
    }

    /** An RSA certificate with a PKCS #8 key ({@code BEGIN PRIVATE KEY}), valid for a day. */
    public static Pem rsa(Path dir) {
        return make(dir, "rsa", "rsa:2048");
    }

    /** A P-256 EC certificate with a PKCS #8 key. */
    public static Pem ec(Path dir) {
        return make(dir, "ec", "ec", "-pkeyopt", "ec_paramgen_curve:P-256");
    }

    /** The key of {@code pem} rewritten in its algorithm's traditional form ({@code BEGIN RSA/EC PRIVATE KEY}). */
    public static Path traditionalKey(Pem pem, String algorithm) {
        Path out = pem.key().resolveSibling(algorithm + "-traditional.pem");
        // openssl 3 writes EC keys in their traditional (SEC 1) form by default, RSA keys only when asked.
        if (algorithm.equals("rsa")) {
            Tools.run("openssl", algorithm, "-in", pem.key().toString(), "-out", out.toString(), "-traditional");
        } else {
            Tools.run("openssl", algorithm, "-in", pem.key().toString(), "-out", out.toString());
        }
        return out;
    }

    private static Pem make(Path dir, String name, String... keyArgs) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path cert = dir.resolve(name + "-cert.pem");
        Path key = dir.resolve(name + "-key.pem");
        java.util.List<String> command = new java.util.ArrayList<>(java.util.List.of("openssl", "req", "-x509", "-newkey"));
        command.addAll(java.util.List.of(keyArgs));
        command.addAll(java.util.List.of("-nodes", "-keyout", key.toString(), "-out", cert.toString(), "-days", "1",
                "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"));
        Tools.run(command);
        return new Pem(cert, key);
    }

    /** An HTTP client that trusts {@code certificate} and nothing else. */
    public static HttpClient clientTrusting(Path certificate) {
        try (InputStream in = Files.newInputStream(certificate)) {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("server", CertificateFactory.getInstance("X.509").generateCertificate(in));
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(tls).connectTimeout(Duration.ofSeconds(10)).build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
