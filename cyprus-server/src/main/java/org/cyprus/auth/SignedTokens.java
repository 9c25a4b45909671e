package org.cyprus.auth;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived tokens the server signs and checks without storing them: {@code kind.field.field.expiry.signature},
 * the fields base64url-encoded, the signature HMAC-SHA256 (RFC 2104) over everything before it with the server's
 * secret key. The kind is signed too, so a token of one kind (a media capability) is never accepted as another
 * (an access token).
 */
public final class SignedTokens {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
    private static final int MAX_TOKEN_CHARS = 1024;

    /** Tokens whose signatures were checked lately: a player presents one capability for every range and segment. */
    private static final int VERIFIED_KEPT = 4096;

    private final Mac keyed;
    private final Clock clock;
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** A token whose signature holds: its kind, fields and expiry (checked again at every use). */
    private record Verified(String kind, List<String> fields, long expiresAtMs) {
    }

    public SignedTokens(byte[] secret, Clock clock) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the signing secret needs at least 256 bits");
        }
        try {
            this.keyed = Mac.getInstance("HmacSHA256");
            keyed.init(new SecretKeySpec(secret.clone(), "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
        this.clock = clock;
    }

    /** A token of {@code kind} carrying {@code fields}, valid until {@code expiresAtMs}. */
    public String sign(String kind, List<String> fields, long expiresAtMs) {
        StringBuilder body = new StringBuilder(kind);
        for (String field : fields) {
            body.append('.').append(ENCODER.encodeToString(field.getBytes(StandardCharsets.UTF_8)));
        }
        body.append('.').append(Long.toString(expiresAtMs, 36));
        return body + "." + ENCODER.encodeToString(mac(body.toString()));
    }

    /** The fields of {@code token} if it is a well-formed, unexpired {@code kind} token with a valid signature. */
    public Optional<List<String>> verify(String token, String kind, int fieldCount) {
        if (token == null || token.length() > MAX_TOKEN_CHARS || !token.startsWith(kind + ".")) {
            return Optional.empty();
        }
        Verified known = verified.get(token);
        if (known != null) {
            return known.kind().equals(kind) && known.fields().size() == fieldCount && clock.millis() < known.expiresAtMs()
                    ? Optional.of(known.fields()) : Optional.empty();
        }
        String[] parts = token.split("\\.", -1);
        if (parts.length != fieldCount + 3 || !parts[0].equals(kind)) {
            return Optional.empty();
        }
        int signatureAt = token.lastIndexOf('.');
        try {
            // Compare the canonical encoding, so that no other spelling of the same signature bytes is accepted.
            byte[] expected = ENCODER.encodeToString(mac(token.substring(0, signatureAt))).getBytes(StandardCharsets.US_ASCII);
            byte[] given = parts[parts.length - 1].getBytes(StandardCharsets.US_ASCII);
            if (!MessageDigest.isEqual(expected, given)) {
                return Optional.empty();
            }
            long expiresAt = Long.parseLong(parts[parts.length - 2], 36);
            if (clock.millis() >= expiresAt) {
                return Optional.empty();
            }
            List<String> fields = Arrays.stream(parts, 1, 1 + fieldCount)
                    .map(p -> new String(DECODER.decode(p), StandardCharsets.UTF_8)).toList();
            if (verified.size() >= VERIFIED_KEPT) {
                verified.clear();
            }
            verified.put(token, new Verified(kind, fields, expiresAt));
            return Optional.of(fields);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private byte[] mac(String body) {
        try {
            // A copy of the keyed prototype: cheaper than looking the algorithm up and keying it for every token.
            Mac mac = (Mac) keyed.clone();
            return mac.doFinal(body.getBytes(StandardCharsets.UTF_8));
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's HmacSHA256 can be cloned", e);
        }
    }
}
