package dev.linkstream.accounts.control;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * What the servers' Pbkdf2PasswordHash does, for tests without a server: the same parameters and
 * the same stored form, {@code algorithm:iterations:salt:hash}.
 */
final class TestPbkdf2 implements Pbkdf2PasswordHash {

  String algorithm = "PBKDF2WithHmacSHA256";
  int iterations = 2048;

  @Override
  public void initialize(Map<String, String> parameters) {
    algorithm = parameters.getOrDefault("Pbkdf2PasswordHash.Algorithm", algorithm);
    iterations =
        Integer.parseInt(
            parameters.getOrDefault("Pbkdf2PasswordHash.Iterations", String.valueOf(iterations)));
  }

  @Override
  public String generate(char[] password) {
    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    return algorithm
        + ":"
        + iterations
        + ":"
        + base64(salt)
        + ":"
        + base64(derive(password, salt, iterations));
  }

  @Override
  public boolean verify(char[] password, String stored) {
    String[] parts = stored.split(":");
    byte[] salt = Base64.getDecoder().decode(parts[2]);
    byte[] expected = Base64.getDecoder().decode(parts[3]);
    return MessageDigest.isEqual(expected, derive(password, salt, Integer.parseInt(parts[1])));
  }

  private byte[] derive(char[] password, byte[] salt, int rounds) {
    try {
      return SecretKeyFactory.getInstance(algorithm)
          .generateSecret(new PBEKeySpec(password, salt, rounds, 256))
          .getEncoded();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String base64(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }
}
