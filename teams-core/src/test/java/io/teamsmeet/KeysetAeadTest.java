package io.teamsmeet;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.Parameters;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.mac.PredefinedMacParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code tokenKeys(KeysetHandle)} registers only what the keyset needs. Each case runs in a fresh
 * JVM ({@link KeysetAeadMain}), because Tink's registry is global and this test JVM registered all
 * of AEAD long ago; real Tink keysets, generated here and parsed there.
 */
class KeysetAeadTest {

  @TempDir static Path dir;

  @BeforeAll
  static void register() throws Exception {
    AeadConfig.register();
  }

  @Test
  void anAesGcmKeysetWorksWithoutTinksFullAeadOrMacRegistration() throws Exception {
    Run run = run(keyset(PredefinedAeadParameters.AES256_GCM), "aes-gcm");

    assertThat(run.output).containsExactly("opened sealed by the test", "sealed-and-opened");
    assertThat(run.loaded).contains("com.google.crypto.tink.aead.AesGcmKeyManager");
    assertThat(run.loaded)
        .as("AeadConfig (and with it every AEAD, MAC and KMS key manager) is not on the path")
        .doesNotContain(
            "com.google.crypto.tink.aead.AeadConfig",
            "com.google.crypto.tink.mac.MacConfig",
            "com.google.crypto.tink.mac.HmacKeyManager",
            "com.google.crypto.tink.aead.AesEaxKeyManager",
            "com.google.crypto.tink.aead.KmsEnvelopeAeadKeyManager");
  }

  @Test
  void aKeysetOfAnotherAeadKeyTypeStillWorks() throws Exception {
    Run run = run(keyset(PredefinedAeadParameters.XCHACHA20_POLY1305), "xchacha");

    assertThat(run.output).containsExactly("opened sealed by the test", "sealed-and-opened");
    assertThat(run.loaded).contains("com.google.crypto.tink.aead.AeadConfig");
  }

  @Test
  void aRotatedKeysetMixingAesGcmAndAnotherTypeOpensWithBoth() throws Exception {
    KeysetHandle old = KeysetHandle.generateNew(PredefinedAeadParameters.AES128_CTR_HMAC_SHA256);
    byte[] sealedWithOld = seal(old);
    KeysetHandle rotated =
        KeysetHandle.newBuilder(old)
            .addEntry(
                KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                    .withRandomId()
                    .makePrimary())
            .build();

    Run run = run(rotated, sealedWithOld, "rotated");

    assertThat(run.output).containsExactly("opened sealed by the test", "sealed-and-opened");
  }

  @Test
  void aKeysetThatIsNotAnAeadKeysetIsStillRejectedByTheSetter() throws Exception {
    KeysetHandle mac = KeysetHandle.generateNew(PredefinedMacParameters.HMAC_SHA256_256BITTAG);

    Run run = run(mac, "not used".getBytes(StandardCharsets.UTF_8), "mac");

    assertThat(run.output)
        .containsExactly(
            "rejected java.lang.IllegalArgumentException: tokenKeys must be a keyset of AEAD keys");
  }

  @Test
  void anApplicationThatRegisteredAeadConfigItselfGetsTheSameAead() throws Exception {
    KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);

    Run run = run(keyset, seal(keyset), "registered", "register");

    assertThat(run.output).containsExactly("opened sealed by the test", "sealed-and-opened");
  }

  private static KeysetHandle keyset(Parameters parameters) throws Exception {
    return KeysetHandle.generateNew(parameters);
  }

  private static byte[] seal(KeysetHandle keyset) throws Exception {
    return keyset
        .getPrimitive(RegistryConfiguration.get(), Aead.class)
        .encrypt(
            "sealed by the test".getBytes(StandardCharsets.UTF_8),
            "ad".getBytes(StandardCharsets.UTF_8));
  }

  private record Run(List<String> output, List<String> loaded) {}

  private static Run run(KeysetHandle keyset, String name) throws Exception {
    return run(keyset, seal(keyset), name);
  }

  private static Run run(KeysetHandle keyset, byte[] ciphertext, String name, String... extra)
      throws Exception {
    Path keysetFile = dir.resolve(name + ".keyset");
    Path sealedFile = dir.resolve(name + ".sealed");
    Path classLog = dir.resolve(name + ".classes");
    Files.write(
        keysetFile, TinkProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    Files.write(sealedFile, ciphertext);
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xshare:off");
    command.add("-Xlog:class+load=info:file=" + classLog);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(KeysetAeadMain.class.getName());
    command.add(keysetFile.toString());
    command.add(sealedFile.toString());
    command.addAll(List.of(extra));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return new Run(out.lines().toList(), loadedClasses(classLog));
  }

  private static List<String> loadedClasses(Path log) throws IOException {
    List<String> names = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      int i = line.indexOf("] ");
      if (i >= 0) {
        String rest = line.substring(line.lastIndexOf("] ") + 2);
        names.add(rest.split(" ")[0]);
      }
    }
    return names;
  }
}
