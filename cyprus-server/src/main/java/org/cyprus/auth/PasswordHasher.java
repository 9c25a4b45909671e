package org.cyprus.auth;

import com.password4j.Argon2Function;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes (RFC 9106) as PHC strings, which carry their own parameters
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}): raising the parameters later only affects new hashes, and a
 * hash made with weaker ones is replaced at the next successful sign-in.
 *
 * @param memoryKiB   memory cost
 * @param iterations  time cost
 * @param parallelism lanes
 */
public record PasswordHasher(int memoryKiB, int iterations, int parallelism) {
    /** OWASP's recommended minimum for Argon2id (2024): 19 MiB, 2 iterations, 1 lane. */
    public static final PasswordHasher DEFAULT = new PasswordHasher(19_456, 2, 1);
    private static final int OUTPUT_BYTES = 32;

    private Argon2Function function() {
        return Argon2Function.getInstance(memoryKiB, iterations, parallelism, OUTPUT_BYTES, Argon2.ID);
    }

    /** A new salted hash of {@code password}. */
    public String hash(String password) {
        return function().hash(password).getResult();
    }

    /** Whether {@code password} matches {@code phc}; a malformed stored hash matches nothing. */
    public boolean verify(String password, String phc) {
        try {
            return Argon2Function.getInstanceFromHash(phc).check(password, phc);
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether {@code phc} was made with other parameters than these (and should be replaced). */
    public boolean needsRehash(String phc) {
        try {
            Argon2Function stored = Argon2Function.getInstanceFromHash(phc);
            return stored.getMemory() != memoryKiB || stored.getIterations() != iterations
                    || stored.getParallelism() != parallelism || stored.getVariant() != Argon2.ID;
        } catch (RuntimeException e) {
            return true;
        }
    }
}
